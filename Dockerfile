# rammelab in a container, for CI systems that should not compile Rust:
#
#   docker build -t rammelab .
#   docker run --rm -v "$PWD:/work" rammelab check models/ --format sarif > rammelab.sarif
#
# Stage 1 builds the release binary with the Rust toolchain; stage 2 runs it from a slim
# Debian image (the same Debian release, so the same C library), without the toolchain.

FROM rust:1-slim-bookworm AS build
WORKDIR /src
# The whole source tree (see .dockerignore): the packs, proposals, grammars and vocabulary are
# embedded into the binary at build time.
COPY . .
RUN cargo build --release --locked --bin rammelab

FROM debian:bookworm-slim AS run
COPY --from=build /src/target/release/rammelab /usr/local/bin/rammelab
# The models and their variants are read from the folder mounted here.
WORKDIR /work
ENTRYPOINT ["rammelab"]
CMD ["--help"]
