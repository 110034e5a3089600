//! The command line in the user's language: the parser of `--lang` (the language type itself
//! lives on the ground floor, free of clap) and, built from the word catalogue, `--help`.

use clap::builder::PossibleValue;

use crate::base::lang::Lang;

/// `--lang nb|en` and `RAMMELAB_LANG`: clap's parser for the ground floor's [`Lang`].
impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()))
    }
}
