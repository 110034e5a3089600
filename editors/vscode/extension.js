// The VS Code client of the rammelab language server: starts `rammelab lsp` over stdio for
// `.lsm` files and passes it the settings (`rammelab.*`). Plain JavaScript, so that the
// extension needs no build step; the server does all the work.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** The settings the server reads, as `initializationOptions` and on every change. */
function settings() {
  const config = vscode.workspace.getConfiguration('rammelab');
  return {
    rules: config.get('rules', []),
    overlays: config.get('overlays', []),
    at: config.get('at', '') || null,
    lang: config.get('lang', '') || null,
    findings: config.get('findings', true),
  };
}

/** `rammelab lsp`, with `--lang` when a language is chosen (else the editor's locale). */
function serverOptions() {
  const config = vscode.workspace.getConfiguration('rammelab');
  const command = config.get('server.path', 'rammelab') || 'rammelab';
  const args = ['lsp'];
  const lang = config.get('lang', '');
  if (lang) {
    args.push('--lang', lang);
  }
  const run = { command, args, transport: TransportKind.stdio };
  return { run, debug: run };
}

function start() {
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'lsm' },
      { scheme: 'untitled', language: 'lsm' },
    ],
    initializationOptions: settings(),
    synchronize: { configurationSection: 'rammelab' },
  };
  client = new LanguageClient('rammelab', 'rammelab', serverOptions(), clientOptions);
  return client.start().catch((error) => {
    const nb = vscode.env.language.startsWith('nb') || vscode.env.language.startsWith('no');
    const message = nb
      ? `Kunne ikke starte \`rammelab lsp\` (${error.message}). Installer rammelab, eller sett «rammelab.server.path».`
      : `Could not start \`rammelab lsp\` (${error.message}). Install rammelab, or set "rammelab.server.path".`;
    vscode.window.showErrorMessage(message);
  });
}

async function restart() {
  if (client) {
    await client.stop();
  }
  await start();
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('rammelab.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The program and the language are given on its command line: a new server.
      if (event.affectsConfiguration('rammelab.server.path') || event.affectsConfiguration('rammelab.lang')) {
        restart();
      }
    }),
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
