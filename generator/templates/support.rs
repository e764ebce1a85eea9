//! Reading JSON with the place of a failure, the builders' error, and the code that every
//! generated type's serde impls share.

use std::fmt;

/// Reads a `T` from JSON text; on failure the error names the path where the text went wrong.
///
/// Reading takes serde_json's ordinary path, and only a failed read is repeated to find the
/// path, so a successful read costs nothing extra.
pub fn from_json_str<T>(json: &str) -> Result<T, JsonError>
where
    T: serde::de::DeserializeOwned,
{
    serde_json::from_str(json).map_err(|first| {
        with_path::<T, _>(serde_json::Deserializer::from_str(json), first)
    })
}

/// Reads a `T` from JSON bytes, as [`from_json_str`] does.
pub fn from_json_slice<T>(json: &[u8]) -> Result<T, JsonError>
where
    T: serde::de::DeserializeOwned,
{
    serde_json::from_slice(json).map_err(|first| {
        with_path::<T, _>(serde_json::Deserializer::from_slice(json), first)
    })
}

fn with_path<'de, T, R>(mut de: serde_json::Deserializer<R>, first: serde_json::Error) -> JsonError
where
    T: serde::Deserialize<'de>,
    R: serde_json::de::Read<'de>,
{
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => JsonError { path: format_path(e.path()), inner: e.into_inner() },
        Ok(_) => JsonError { path: String::new(), inner: de.end().err().unwrap_or(first) },
    }
}

/// Writes a path the way code would index it: `emails[1].value`, with keys that are not
/// plain words quoted: `["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]`.
fn format_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                let plain = !key.is_empty()
                    && !key.contains(|c: char| ".[]\":'".contains(c) || c.is_whitespace());
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    let quoted = serde_json::to_string(key).unwrap_or_else(|_| format!("{key:?}"));
                    out.push_str(&format!("[{quoted}]"));
                }
            }
            Segment::Unknown => out.push_str(if out.is_empty() { "?" } else { ".?" }),
        }
    }
    out
}

/// JSON that does not fit the model, and where.
#[derive(Debug)]
pub struct JsonError {
    path: String,
    inner: serde_json::Error,
}

impl JsonError {
    /// The path of the value that failed, such as `Operations[0].op`; empty for the root.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What went wrong, as serde_json says it, with the line and column of the text.
    pub fn message(&self) -> String {
        self.inner.to_string()
    }

    /// The 1-based line of the text where reading stopped.
    pub fn line(&self) -> usize {
        self.inner.line()
    }

    /// The 1-based column of the text where reading stopped.
    pub fn column(&self) -> usize {
        self.inner.column()
    }

    /// The underlying serde_json error.
    pub fn inner(&self) -> &serde_json::Error {
        &self.inner
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.inner)
        } else {
            write!(f, "{}: {}", self.path, self.inner)
        }
    }
}

impl std::error::Error for JsonError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

/// A builder's `build` was called before every required field was set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    type_name: &'static str,
    missing: Vec<&'static str>,
    keys: Vec<&'static str>,
}

impl BuildError {
    #[doc(hidden)]
    pub fn new(type_name: &'static str, fields: &[(&'static str, &'static str, bool)]) -> Self {
        let unset = fields.iter().filter(|(_, _, unset)| *unset);
        let missing = unset.clone().map(|(name, _, _)| *name).collect();
        let keys = unset.map(|(_, key, _)| *key).collect();
        BuildError { type_name, missing, keys }
    }

    /// The type that could not be built.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The Rust names of the required fields that were not set, in the table's order.
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.missing.len() == 1 { "" } else { "s" };
        write!(f, "cannot build {}: required field{plural} not set: ", self.type_name)?;
        for (i, name) in self.missing.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}`{name}`")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}

/// What the generated serde impls call; not part of the crate's API.
#[doc(hidden)]
pub mod __private {
    use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use std::fmt;
    use std::marker::PhantomData;

    pub use super::BuildError;

    /// The unknown members of a model with `additional_properties`.
    pub type Unknown = indexmap::IndexMap<String, serde_json::Value>;

    /// A key of a JSON object, as a model sees it.
    pub enum Key {
        /// The field with this index.
        Field(usize),
        /// A member the model does not name, to be kept.
        Unknown(String),
        /// A member the model does not name, to be skipped.
        Ignored,
    }

    /// How a model matches keys: exactly through `index`, then ignoring case over `keys`.
    #[derive(Clone, Copy)]
    pub struct KeySeed {
        /// The JSON keys, by field index.
        pub keys: &'static [&'static str],
        index: fn(&str) -> Option<usize>,
        ignore_case: bool,
        keep_unknown: bool,
    }

    impl KeySeed {
        /// The matcher of one model.
        pub const fn new(
            keys: &'static [&'static str],
            index: fn(&str) -> Option<usize>,
            ignore_case: bool,
            keep_unknown: bool,
        ) -> Self {
            KeySeed { keys, index, ignore_case, keep_unknown }
        }

        fn find(&self, key: &str) -> Option<usize> {
            match (self.index)(key) {
                Some(i) => Some(i),
                None if self.ignore_case => position_ignore_case(key, self.keys),
                None => None,
            }
        }
    }

    impl<'de> DeserializeSeed<'de> for KeySeed {
        type Value = Key;

        fn deserialize<D>(self, deserializer: D) -> Result<Key, D::Error>
        where
            D: de::Deserializer<'de>,
        {
            deserializer.deserialize_identifier(self)
        }
    }

    impl<'de> Visitor<'de> for KeySeed {
        type Value = Key;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a member name")
        }

        fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
            Ok(match self.find(key) {
                Some(i) => Key::Field(i),
                None if self.keep_unknown => Key::Unknown(key.to_owned()),
                None => Key::Ignored,
            })
        }

        fn visit_string<E: de::Error>(self, key: String) -> Result<Key, E> {
            Ok(match self.find(&key) {
                Some(i) => Key::Field(i),
                None if self.keep_unknown => Key::Unknown(key),
                None => Key::Ignored,
            })
        }
    }

    /// What a generated builder gives the shared reader: the builder doubles as the set of
    /// slots a model's fields are read into, so each model adds only a `match` of its own.
    pub trait ReadModel: Default {
        /// The model the builder builds.
        type Model;

        /// The model's name, for messages.
        const NAME: &'static str;

        /// The model's keys and how they are matched.
        const MEMBERS: KeySeed;

        /// Reads the value of the field with this index into the builder.
        fn read<'de, A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error>;

        /// Where unknown members are kept, for models that keep them.
        fn unknown(&mut self) -> Option<&mut Unknown> {
            None
        }

        /// Builds the model once every member is read.
        fn finish<E: de::Error>(self) -> Result<Self::Model, E>;
    }

    /// Reads a model through its builder.
    pub fn deserialize_model<'de, B, D>(deserializer: D) -> Result<B::Model, D::Error>
    where
        B: ReadModel,
        D: de::Deserializer<'de>,
    {
        deserializer.deserialize_map(ModelVisitor::<B>(PhantomData))
    }

    struct ModelVisitor<B>(PhantomData<B>);

    impl<'de, B: ReadModel> Visitor<'de> for ModelVisitor<B> {
        type Value = B::Model;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} object", B::NAME)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<B::Model, A::Error> {
            let mut builder = B::default();
            let mut seen = Seen::new(B::MEMBERS.keys.len());
            while let Some(key) = map.next_key_seed(B::MEMBERS)? {
                match key {
                    Key::Field(i) if seen.insert(i) => builder.read(i, &mut map)?,
                    Key::Field(i) => {
                        let key = B::MEMBERS.keys[i];
                        let error = map.next_value_seed(Duplicate(key)).err();
                        return Err(error.unwrap_or_else(|| de::Error::duplicate_field(key)));
                    }
                    Key::Unknown(key) => match builder.unknown() {
                        Some(kept) => unknown(&mut map, kept, key)?,
                        None => skip_value(&mut map)?,
                    },
                    Key::Ignored => skip_value(&mut map)?,
                }
            }
            builder.finish()
        }
    }

    /// Which fields have been read: a second value for one is an error, also when the two
    /// keys differ only in case.
    struct Seen {
        small: [u64; 4],
        large: Vec<bool>,
    }

    impl Seen {
        fn new(fields: usize) -> Self {
            let large = if fields > 256 { vec![false; fields] } else { Vec::new() };
            Seen { small: [0; 4], large }
        }

        /// Marks a field as read; false if it already was.
        fn insert(&mut self, index: usize) -> bool {
            if let Some(slot) = self.large.get_mut(index) {
                return !std::mem::replace(slot, true);
            }
            let (word, bit) = (index / 64, 1u64 << (index % 64));
            let fresh = self.small[word] & bit == 0;
            self.small[word] |= bit;
            fresh
        }
    }

    /// serde's "missing field" error for the first required member a payload lacks.
    pub fn missing_field<E: de::Error>(error: super::BuildError) -> E {
        match error.keys.first() {
            Some(key) => E::missing_field(key),
            None => E::custom(error),
        }
    }

    /// Reads the value of a member the model does not name, into `unknown`.
    fn unknown<'de, A>(map: &mut A, unknown: &mut Unknown, key: String) -> Result<(), A::Error>
    where
        A: MapAccess<'de>,
    {
        if unknown.contains_key(&key) {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        let value = map.next_value()?;
        unknown.insert(key, value);
        Ok(())
    }

    /// Skips the value of a member the model does not keep.
    pub fn skip_value<'de, A>(map: &mut A) -> Result<(), A::Error>
    where
        A: MapAccess<'de>,
    {
        map.next_value::<IgnoredAny>().map(|_| ())
    }

    /// Writes the unknown members, except any that a field of the model already wrote.
    pub fn serialize_unknown<M>(map: &mut M, unknown: &Unknown, keys: KeySeed) -> Result<(), M::Error>
    where
        M: SerializeMap,
    {
        for (key, value) in unknown {
            if keys.find(key).is_none() {
                map.serialize_entry(key, value)?;
            }
        }
        Ok(())
    }

    struct Duplicate(&'static str);

    impl<'de> DeserializeSeed<'de> for Duplicate {
        type Value = ();

        fn deserialize<D>(self, _: D) -> Result<(), D::Error>
        where
            D: de::Deserializer<'de>,
        {
            Err(de::Error::duplicate_field(self.0))
        }
    }

    /// The index of the first of `values` that equals `value` ignoring ASCII case.
    pub fn position_ignore_case(value: &str, values: &[&str]) -> Option<usize> {
        values.iter().position(|v| v.eq_ignore_ascii_case(value))
    }

    /// What a generated enum gives the shared reader.
    pub trait WireEnum: Sized {
        /// The enum's name, for messages.
        const NAME: &'static str;

        /// The variant of a value, the unknown variant for values the enum does not list.
        fn from_wire(value: &str) -> Self;

        /// As [`WireEnum::from_wire`], keeping the string for an unknown value.
        fn from_wire_owned(value: String) -> Self;
    }

    /// Reads any string as `E`.
    pub fn deserialize_enum<'de, E, D>(deserializer: D) -> Result<E, D::Error>
    where
        E: WireEnum,
        D: de::Deserializer<'de>,
    {
        deserializer.deserialize_str(EnumVisitor(PhantomData))
    }

    struct EnumVisitor<E>(PhantomData<E>);

    impl<'de, E: WireEnum> Visitor<'de> for EnumVisitor<E> {
        type Value = E;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} value (a string)", E::NAME)
        }

        fn visit_str<Er: de::Error>(self, value: &str) -> Result<E, Er> {
            Ok(E::from_wire(value))
        }

        fn visit_string<Er: de::Error>(self, value: String) -> Result<E, Er> {
            Ok(E::from_wire_owned(value))
        }
    }
    // @dates
}
