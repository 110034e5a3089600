//! A value filled into a catalogue text: a number (which picks plural forms) or text.

use std::borrow::Cow;

use fluent_bundle::FluentValue;

/// A value for a `{ $name }` in a catalogue text. Numbers select plural variants
/// (`[one]`/`*[other]`); everything else is text, already formatted by the caller (Fluent's
/// own number formatting knows no digit grouping).
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl Value<'_> {
    pub(super) fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Value::Text(s) => FluentValue::from(s.as_ref()),
            Value::Number(n) => FluentValue::from(*n),
        }
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Value::Text(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::Text(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for Value<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Value::Text(s)
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Value<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Value::Number(n as f64)
            }
        }
    )*};
}

numbers!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);
