    /// A date-time field read strictly as RFC 3339 with an offset, with a message that says so.
    pub struct DateTime(pub chrono::DateTime<chrono::FixedOffset>);

    /// A date field read as ISO 8601 `YYYY-MM-DD`.
    pub struct Date(pub chrono::NaiveDate);

    /// A date and time without offset, read as ISO 8601 `YYYY-MM-DDTHH:MM:SS[.fff]`.
    pub struct LocalDateTime(pub chrono::NaiveDateTime);

    macro_rules! parsed_string {
        ($ty:ident, $expected:literal, $parse:expr) => {
            impl<'de> de::Deserialize<'de> for $ty {
                fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    struct TextVisitor;

                    impl Visitor<'_> for TextVisitor {
                        type Value = $ty;

                        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                            f.write_str($expected)
                        }

                        fn visit_str<E: de::Error>(self, text: &str) -> Result<$ty, E> {
                            let parse: fn(&str) -> Option<$ty> = $parse;
                            parse(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
                        }
                    }

                    deserializer.deserialize_str(TextVisitor)
                }
            }
        };
    }

    parsed_string!(
        DateTime,
        "an RFC 3339 date-time with an offset, such as 2011-05-13T04:42:34Z",
        |t| chrono::DateTime::parse_from_rfc3339(t).ok().map(DateTime)
    );
    parsed_string!(
        Date,
        "an ISO 8601 date, such as 2024-01-08",
        |t| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().map(Date)
    );
    parsed_string!(
        LocalDateTime,
        "an ISO 8601 date and time without offset, such as 2024-01-08T09:30:00",
        |t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f").ok().map(LocalDateTime)
    );
