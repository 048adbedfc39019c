//! A column of a record batch read cell by cell as text or as a day, whatever its Parquet
//! type: BigQuery writes GDELT's dates as INT64 (`20251219`), DuckDB and pyarrow write
//! DATE or strings, ACLED's exports write `2025-12-19` or `19 December 2025`.

use std::fmt::Write as _;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, PrimitiveArray};
use arrow_schema::{DataType, TimeUnit};

/// One column of a batch, downcast once per batch.
pub(crate) enum Cells<'a> {
    Utf8(&'a arrow_array::StringArray),
    LargeUtf8(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    Binary(&'a arrow_array::BinaryArray),
    Int(IntCells<'a>),
    Float64(&'a PrimitiveArray<Float64Type>),
    Float32(&'a PrimitiveArray<Float32Type>),
    Bool(&'a arrow_array::BooleanArray),
    /// Days since 1970-01-01.
    Date32(&'a PrimitiveArray<Date32Type>),
    /// Milliseconds since 1970-01-01 (DATE64 and timestamps in ms).
    Millis(&'a PrimitiveArray<Date64Type>),
    /// A timestamp, with how many of its units make a second.
    Timestamp(TimestampCells<'a>, i64),
    /// Text read as a dictionary (`reader.rs` asks for one where every page of a column
    /// chunk is dictionary-encoded): each row's key into the distinct values.
    Dict {
        keys: &'a PrimitiveArray<Int32Type>,
        values: Box<Cells<'a>>,
        num_values: usize,
    },
}

pub(crate) enum IntCells<'a> {
    I8(&'a PrimitiveArray<Int8Type>),
    I16(&'a PrimitiveArray<Int16Type>),
    I32(&'a PrimitiveArray<Int32Type>),
    I64(&'a PrimitiveArray<Int64Type>),
    U8(&'a PrimitiveArray<UInt8Type>),
    U16(&'a PrimitiveArray<UInt16Type>),
    U32(&'a PrimitiveArray<UInt32Type>),
    U64(&'a PrimitiveArray<UInt64Type>),
}

pub(crate) enum TimestampCells<'a> {
    S(&'a PrimitiveArray<TimestampSecondType>),
    Ms(&'a PrimitiveArray<TimestampMillisecondType>),
    Us(&'a PrimitiveArray<TimestampMicrosecondType>),
    Ns(&'a PrimitiveArray<TimestampNanosecondType>),
}

impl<'a> Cells<'a> {
    /// The column as cells, or the name of its type when Detente cannot read it.
    pub fn of(array: &'a ArrayRef) -> Result<Self, String> {
        let a = array.as_ref();
        Ok(match a.data_type() {
            DataType::Utf8 => Self::Utf8(a.as_string::<i32>()),
            DataType::LargeUtf8 => Self::LargeUtf8(a.as_string::<i64>()),
            DataType::Utf8View => Self::View(a.as_string_view()),
            DataType::Binary => Self::Binary(a.as_binary::<i32>()),
            DataType::Int8 => Self::Int(IntCells::I8(a.as_primitive())),
            DataType::Int16 => Self::Int(IntCells::I16(a.as_primitive())),
            DataType::Int32 => Self::Int(IntCells::I32(a.as_primitive())),
            DataType::Int64 => Self::Int(IntCells::I64(a.as_primitive())),
            DataType::UInt8 => Self::Int(IntCells::U8(a.as_primitive())),
            DataType::UInt16 => Self::Int(IntCells::U16(a.as_primitive())),
            DataType::UInt32 => Self::Int(IntCells::U32(a.as_primitive())),
            DataType::UInt64 => Self::Int(IntCells::U64(a.as_primitive())),
            DataType::Float64 => Self::Float64(a.as_primitive()),
            DataType::Float32 => Self::Float32(a.as_primitive()),
            DataType::Boolean => Self::Bool(a.as_boolean()),
            DataType::Date32 => Self::Date32(a.as_primitive()),
            DataType::Date64 => Self::Millis(a.as_primitive()),
            DataType::Timestamp(unit, _) => match unit {
                TimeUnit::Second => Self::Timestamp(TimestampCells::S(a.as_primitive()), 1),
                TimeUnit::Millisecond => {
                    Self::Timestamp(TimestampCells::Ms(a.as_primitive()), 1_000)
                }
                TimeUnit::Microsecond => {
                    Self::Timestamp(TimestampCells::Us(a.as_primitive()), 1_000_000)
                }
                TimeUnit::Nanosecond => {
                    Self::Timestamp(TimestampCells::Ns(a.as_primitive()), 1_000_000_000)
                }
            },
            DataType::Dictionary(key, value)
                if **key == DataType::Int32
                    && matches!(
                        **value,
                        DataType::Utf8 | DataType::LargeUtf8 | DataType::Binary
                    ) =>
            {
                let dict = a.as_dictionary::<Int32Type>();
                Self::Dict {
                    keys: dict.keys(),
                    values: Box::new(Self::of(dict.values())?),
                    num_values: dict.values().len(),
                }
            }
            other => return Err(format!("{other}")),
        })
    }

    /// The cells and row that hold `row`'s value: itself, or through a dictionary's key
    /// the value it names; `None` for a null key (or one past the values, which the
    /// reader already refuses).
    fn resolve(&self, row: usize) -> Option<(&Self, usize)> {
        match self {
            Self::Dict {
                keys,
                values,
                num_values,
            } => {
                if keys.is_null(row) {
                    return None;
                }
                let key = usize::try_from(keys.value(row)).ok()?;
                (key < *num_values).then_some((values.as_ref(), key))
            }
            _ => Some((self, row)),
        }
    }

    fn is_null(&self, row: usize) -> bool {
        let Some((cells, row)) = self.resolve(row) else {
            return true;
        };
        match cells {
            Self::Utf8(a) => a.is_null(row),
            Self::LargeUtf8(a) => a.is_null(row),
            Self::View(a) => a.is_null(row),
            Self::Binary(a) => a.is_null(row),
            Self::Int(i) => i.get(row).is_none(),
            Self::Float64(a) => a.is_null(row),
            Self::Float32(a) => a.is_null(row),
            Self::Bool(a) => a.is_null(row),
            Self::Date32(a) => a.is_null(row),
            Self::Millis(a) => a.is_null(row),
            Self::Timestamp(t, _) => t.secs(row, 1).is_none(),
            Self::Dict { .. } => true,
        }
    }

    /// The cell's bytes when the column holds text: no copy.
    pub fn bytes(&self, row: usize) -> Option<&'a [u8]> {
        let (cells, row) = self.resolve(row)?;
        if cells.is_null(row) {
            return None;
        }
        match cells {
            Self::Utf8(a) => Some(a.value(row).as_bytes()),
            Self::LargeUtf8(a) => Some(a.value(row).as_bytes()),
            Self::View(a) => Some(a.value(row).as_bytes()),
            Self::Binary(a) => Some(a.value(row)),
            _ => None,
        }
    }

    /// Appends the cell as text to `out` (nothing for a null): numbers as Rust writes them,
    /// dates as `YYYY-MM-DD`, timestamps as `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn write(&self, row: usize, out: &mut Vec<u8>) {
        let Some((cells, row)) = self.resolve(row) else {
            return;
        };
        if let Some(bytes) = cells.bytes(row) {
            out.extend_from_slice(bytes);
            return;
        }
        if cells.is_null(row) {
            return;
        }
        // Straight into `out`: a `String` per cell was two allocations a row for GDELT's
        // coordinates.
        let mut text = BytesText(out);
        match cells {
            Self::Int(i) => {
                if let Some(v) = i.get(row) {
                    let mut digits = itoa::Buffer::new();
                    let written = match i64::try_from(v) {
                        Ok(small) => digits.format(small),
                        Err(_) => digits.format(v),
                    };
                    text.0.extend_from_slice(written.as_bytes());
                }
            }
            Self::Float64(a) => {
                let _ = write!(text, "{}", a.value(row));
            }
            Self::Float32(a) => {
                let _ = write!(text, "{}", a.value(row));
            }
            Self::Bool(a) => {
                text.0
                    .extend_from_slice(if a.value(row) { b"true" } else { b"false" });
            }
            Self::Date32(a) => write_day(&mut text, i64::from(a.value(row))),
            Self::Millis(a) => write_instant(&mut text, a.value(row).div_euclid(1000)),
            Self::Timestamp(t, per_second) => {
                if let Some(secs) = t.secs(row, *per_second) {
                    write_instant(&mut text, secs);
                }
            }
            Self::Utf8(_)
            | Self::LargeUtf8(_)
            | Self::View(_)
            | Self::Binary(_)
            | Self::Dict { .. } => {}
        }
    }

    /// The cell as text (empty for a null).
    pub fn text(&self, row: usize) -> String {
        let mut out = Vec::new();
        self.write(row, &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The cell's day as `YYYYMMDD`: an integer of that form (GDELT's SQLDATE) or of
    /// `YYYYMMDDHHMMSS` (its DATEADDED), a DATE, a timestamp, or text starting
    /// `YYYY-MM-DD`, `YYYYMMDD` or written `19 December 2025`.
    pub fn day(&self, row: usize) -> Option<u32> {
        let (cells, row) = self.resolve(row)?;
        if let Some(bytes) = cells.bytes(row) {
            return day_of_text(std::str::from_utf8(bytes).ok()?);
        }
        if cells.is_null(row) {
            return None;
        }
        match cells {
            Self::Int(i) => day_of_number(i.get(row)?),
            Self::Date32(a) => Some(ymd_number(i64::from(a.value(row)))),
            Self::Millis(a) => Some(ymd_number(a.value(row).div_euclid(86_400_000))),
            Self::Timestamp(t, per_second) => {
                Some(ymd_number(t.secs(row, *per_second)?.div_euclid(86_400)))
            }
            _ => None,
        }
    }
}

impl IntCells<'_> {
    fn get(&self, row: usize) -> Option<i128> {
        macro_rules! value {
            ($a:expr) => {
                (!$a.is_null(row)).then(|| i128::from($a.value(row)))
            };
        }
        match self {
            Self::I8(a) => value!(a),
            Self::I16(a) => value!(a),
            Self::I32(a) => value!(a),
            Self::I64(a) => value!(a),
            Self::U8(a) => value!(a),
            Self::U16(a) => value!(a),
            Self::U32(a) => value!(a),
            Self::U64(a) => value!(a),
        }
    }
}

impl TimestampCells<'_> {
    fn secs(&self, row: usize, per_second: i64) -> Option<i64> {
        let v = match self {
            Self::S(a) => (!a.is_null(row)).then(|| a.value(row)),
            Self::Ms(a) => (!a.is_null(row)).then(|| a.value(row)),
            Self::Us(a) => (!a.is_null(row)).then(|| a.value(row)),
            Self::Ns(a) => (!a.is_null(row)).then(|| a.value(row)),
        }?;
        Some(v.div_euclid(per_second))
    }
}

/// `YYYYMMDD` from an integer `YYYYMMDD` or `YYYYMMDDHHMMSS`.
pub(crate) fn day_of_number(n: i128) -> Option<u32> {
    let n = if n >= 10_000_000_000_000 {
        n / 1_000_000
    } else {
        n
    };
    let n = u32::try_from(n).ok()?;
    valid_ymd(n)
}

fn valid_ymd(n: u32) -> Option<u32> {
    let (y, m, d) = (n / 10_000, n / 100 % 100, n % 100);
    ((1..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(n)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `YYYYMMDD` of text starting `YYYY-MM-DD` (a date or a timestamp), `YYYYMMDD`, or a day
/// written `19 December 2025` (ACLED's spreadsheets).
pub(crate) fn day_of_text(text: &str) -> Option<u32> {
    let trimmed = text.trim();
    let b = trimmed.as_bytes();
    let digits = |s: &[u8]| {
        (!s.is_empty() && s.iter().all(u8::is_ascii_digit))
            .then(|| s.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let (y, m, d) = (digits(&b[..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
        return valid_ymd(y * 10_000 + m * 100 + d);
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        return day_of_number(i128::from(digits(&b[..8])?));
    }
    let mut words = trimmed.split_whitespace();
    let (d, m, y) = (words.next()?, words.next()?, words.next()?);
    let m = MONTHS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(m))? as u32
        + 1;
    valid_ymd(digits(y.as_bytes())? * 10_000 + m * 100 + digits(d.as_bytes())?)
}

/// The civil date of a day number (days since 1970-01-01), as `YYYYMMDD`: Howard Hinnant's
/// `civil_from_days`.
pub(crate) fn ymd_number(days: i64) -> u32 {
    let (y, m, d) = civil(days);
    u32::try_from(y.clamp(0, 9999)).unwrap_or(0) * 10_000 + m * 100 + d
}

fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days since 1970-01-01 of a `YYYYMMDD` day: Howard Hinnant's `days_from_civil`.
pub(crate) fn days_of_ymd(ymd: u32) -> i64 {
    let (y, m, d) = (
        i64::from(ymd / 10_000),
        i64::from(ymd / 100 % 100),
        i64::from(ymd % 100),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Text appended to bytes, for `write!`.
struct BytesText<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for BytesText<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

fn write_day(text: &mut impl std::fmt::Write, days: i64) {
    let (y, m, d) = civil(days);
    let _ = write!(text, "{y:04}-{m:02}-{d:02}");
}

fn write_instant(text: &mut impl std::fmt::Write, secs: i64) {
    write_day(text, secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    let _ = write!(text, "T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60);
}

/// `YYYYMMDD` as `YYYY-MM-DD`.
pub fn day_text(day: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day / 10_000,
        day / 100 % 100,
        day % 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_cells_read_through_their_keys() {
        use arrow_array::{DictionaryArray, Int32Array, StringArray};
        use std::sync::Arc;
        let keys = Int32Array::from(vec![Some(1), None, Some(0), Some(1), Some(2)]);
        let values = StringArray::from(vec![Some("USA"), Some("2025-12-19"), None]);
        let dict: ArrayRef = Arc::new(
            DictionaryArray::<Int32Type>::try_new(keys, Arc::new(values)).expect("dictionary"),
        );
        let cells = Cells::of(&dict).expect("a dictionary of text is read");
        assert_eq!(cells.bytes(0), Some(&b"2025-12-19"[..]));
        assert_eq!(cells.bytes(2), Some(&b"USA"[..]));
        assert_eq!(cells.day(3), Some(20_251_219));
        // A null key and a key naming a null value are both empty cells.
        for row in [1, 4] {
            assert!(cells.is_null(row));
            assert_eq!(cells.bytes(row), None);
            assert_eq!(cells.text(row), "");
        }
        let mut out = b"x".to_vec();
        cells.write(2, &mut out);
        assert_eq!(out, b"xUSA");
    }

    #[test]
    fn numbers_are_written_as_text_without_a_string_per_cell() {
        use std::sync::Arc;
        let floats: ArrayRef = Arc::new(arrow_array::Float64Array::from(vec![Some(38.9), None]));
        let cells = Cells::of(&floats).expect("floats");
        let mut out = b"lat=".to_vec();
        cells.write(0, &mut out);
        cells.write(1, &mut out);
        assert_eq!(out, b"lat=38.9");
        let ints: ArrayRef = Arc::new(arrow_array::UInt64Array::from(vec![u64::MAX, 0]));
        let cells = Cells::of(&ints).expect("ints");
        assert_eq!(cells.text(0), u64::MAX.to_string());
        assert_eq!(cells.text(1), "0");
        let ints: ArrayRef = Arc::new(arrow_array::Int64Array::from(vec![Some(-20_251_219), None]));
        let cells = Cells::of(&ints).expect("ints");
        assert_eq!(cells.text(0), "-20251219");
        assert_eq!(cells.text(1), "");
        let days: ArrayRef = Arc::new(arrow_array::Date32Array::from(vec![20_441]));
        assert_eq!(Cells::of(&days).expect("days").text(0), "2025-12-19");
    }

    #[test]
    fn days_are_read_from_every_form() {
        assert_eq!(day_of_text("2025-12-19"), Some(20_251_219));
        assert_eq!(day_of_text("2025-12-19T10:00:00Z"), Some(20_251_219));
        assert_eq!(day_of_text("20251219"), Some(20_251_219));
        assert_eq!(day_of_text("19 December 2025"), Some(20_251_219));
        assert_eq!(day_of_text("2025-13-19"), None);
        assert_eq!(day_of_text("soon"), None);
        assert_eq!(day_of_number(20_251_219_153_000), Some(20_251_219));
        assert_eq!(ymd_number(days_of_ymd(20_251_219)), 20_251_219);
        assert_eq!(ymd_number(0), 19_700_101);
        assert_eq!(days_of_ymd(20_000_301), 11_017);
    }
}
