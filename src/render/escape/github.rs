//! GitHub workflow commands (`::error file=F,line=L::message`): the runner reads `%`, line
//! breaks, and in properties `:` and `,`, so those are percent-encoded.

/// A command's message.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_needs() {
        assert_eq!(data("50 %\r\nok: a,b"), "50 %25%0D%0Aok: a,b");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
