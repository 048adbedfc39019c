//! Skipping without reading: row groups whose column statistics rule the slice out (the
//! date's min/max, the actor's code or name outside every actor column's min/max), and
//! partitions whose hive values do (`date=2025-11-30`, `year=2025/month=11`).

use parquet::basic::{LogicalType, Type as PhysicalType};
use parquet::file::metadata::RowGroupMetaData;
use parquet::file::statistics::Statistics;

use super::cells::{day_of_number, day_of_text, days_of_ymd, ymd_number};
use super::slice::RowTest;

/// Can the row group hold a row of the slice? `leaf` finds a column's leaf index by name.
pub(crate) fn row_group_may_match(
    group: &RowGroupMetaData,
    test: &RowTest,
    leaf: &dyn Fn(&str) -> Option<usize>,
) -> bool {
    let s = &test.slice;
    if (s.from.is_some() || s.to.is_some())
        && let Some(date) = &test.columns.date
        && let Some((min, max)) = leaf(date).and_then(|i| day_range(group, i))
        && (s.to.is_some_and(|to| min > to) || s.from.is_some_and(|from| max < from))
    {
        return false;
    }
    if let Some(actor) = &s.actor {
        let upper = actor.trim().to_uppercase();
        let lower = actor.trim().to_lowercase();
        let ascii = actor.is_ascii();
        let columns = test.columns.actor_codes.iter().map(|c| (c, false));
        let names = test.columns.actor_names.iter().map(|c| (c, true));
        // Skipped only when every actor column's range excludes the actor; a column without
        // statistics may hold anything.
        let may = columns.chain(names).any(|(column, by_name)| {
            let Some((min, max)) = leaf(column).and_then(|i| byte_range(group, i)) else {
                return true;
            };
            if by_name && !ascii {
                return true;
            }
            // Every spelling of an ASCII name that differs only in case sorts between its
            // upper- and lower-case forms (upper-case letters sort first).
            let (low, high) = if by_name && !test.columns.names_upper {
                (upper.as_bytes(), lower.as_bytes())
            } else {
                (upper.as_bytes(), upper.as_bytes())
            };
            min.as_slice() <= high && max.as_slice() >= low
        });
        if !may {
            return false;
        }
    }
    true
}

/// Does every row of the row group pass `--from/--to`? Then the row filter need not test
/// (nor decode) the date: every row group of a month's slice of daily files. Only when the
/// date column holds one value, no nulls, and that value's day is in the range: a range of
/// values would let through cells that are not days at all (`20251150` lies between two
/// days), which the test rejects.
pub(crate) fn row_group_within_days(
    group: &RowGroupMetaData,
    test: &RowTest,
    leaf: &dyn Fn(&str) -> Option<usize>,
) -> bool {
    let s = &test.slice;
    let Some(at) = test.columns.date.as_ref().and_then(|date| leaf(date)) else {
        return false;
    };
    let one_value = group
        .columns()
        .get(at)
        .and_then(|column| column.statistics())
        .is_some_and(|stats| {
            stats.null_count_opt() == Some(0)
                && stats.min_bytes_opt().is_some()
                && stats.min_bytes_opt() == stats.max_bytes_opt()
        });
    one_value
        && day_range(group, at).is_some_and(|(day, _)| {
            s.from.is_none_or(|from| day >= from) && s.to.is_none_or(|to| day <= to)
        })
}

/// The row group's first and last day in the column at `leaf`, as `YYYYMMDD`.
pub(crate) fn day_range(group: &RowGroupMetaData, leaf: usize) -> Option<(u32, u32)> {
    let column = group.columns().get(leaf)?;
    let is_date = matches!(
        column.column_descr().logical_type_ref(),
        Some(LogicalType::Date)
    );
    let timestamp_unit = match column.column_descr().logical_type_ref() {
        Some(LogicalType::Timestamp(t)) => Some(match &t.unit {
            parquet::basic::TimeUnit::MILLIS => 1_000,
            parquet::basic::TimeUnit::MICROS => 1_000_000,
            parquet::basic::TimeUnit::NANOS => 1_000_000_000,
        }),
        _ => None,
    };
    match column.statistics()? {
        Statistics::Int32(s) if is_date => Some((
            ymd_number(i64::from(*s.min_opt()?)),
            ymd_number(i64::from(*s.max_opt()?)),
        )),
        Statistics::Int32(s) => Some((
            day_of_number(i128::from(*s.min_opt()?))?,
            day_of_number(i128::from(*s.max_opt()?))?,
        )),
        Statistics::Int64(s) => {
            if let Some(per_second) = timestamp_unit {
                let day = |v: i64| ymd_number(v.div_euclid(per_second).div_euclid(86_400));
                Some((day(*s.min_opt()?), day(*s.max_opt()?)))
            } else {
                Some((
                    day_of_number(i128::from(*s.min_opt()?))?,
                    day_of_number(i128::from(*s.max_opt()?))?,
                ))
            }
        }
        Statistics::ByteArray(s) => {
            // Only ISO days sort as text; "19 December 2025" does not.
            let iso = |b: &[u8]| {
                let t = std::str::from_utf8(b).ok()?;
                (t.len() >= 10 && t.as_bytes()[4] == b'-')
                    .then(|| day_of_text(t))
                    .flatten()
            };
            Some((iso(s.min_opt()?.data())?, iso(s.max_opt()?.data())?))
        }
        _ => None,
    }
}

/// The row group's min and max bytes in a text column at `leaf`.
fn byte_range(group: &RowGroupMetaData, leaf: usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let column = group.columns().get(leaf)?;
    if column.column_descr().physical_type() != PhysicalType::BYTE_ARRAY {
        return None;
    }
    match column.statistics()? {
        Statistics::ByteArray(s) => {
            Some((s.min_opt()?.data().to_vec(), s.max_opt()?.data().to_vec()))
        }
        _ => None,
    }
}

/// The days a file's hive partition values cover (`date=2025-12-19` one day,
/// `year=2025/month=12` a month), as `YYYYMMDD`; `None` when they say nothing of the date.
pub(crate) fn partition_days(values: &[(String, String)]) -> Option<(u32, u32)> {
    let get = |keys: &[&str]| {
        values
            .iter()
            .find(|(k, _)| keys.iter().any(|w| k.eq_ignore_ascii_case(w)))
            .map(|(_, v)| v.as_str())
    };
    if let Some(day) = get(&["date", "day_date", "event_date", "sqldate", "dt"]) {
        let day = day_of_text(day)?;
        return Some((day, day));
    }
    let number = |v: &str| v.trim().parse::<u32>().ok();
    let year = get(&["year"]).and_then(number)?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    let Some(month) = get(&["month"])
        .and_then(number)
        .filter(|m| (1..=12).contains(m))
    else {
        return Some((year * 10_000 + 101, year * 10_000 + 1231));
    };
    if let Some(day) = get(&["day"])
        .and_then(number)
        .filter(|d| (1..=31).contains(d))
    {
        let ymd = year * 10_000 + month * 100 + day;
        return Some((ymd, ymd));
    }
    let first = year * 10_000 + month * 100 + 1;
    let next = if month == 12 {
        (year + 1) * 10_000 + 101
    } else {
        first + 100
    };
    Some((first, ymd_number(days_of_ymd(next) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn partitions_say_their_days() {
        assert_eq!(
            partition_days(&kv(&[("date", "2025-12-19")])),
            Some((20_251_219, 20_251_219))
        );
        assert_eq!(
            partition_days(&kv(&[("year", "2025"), ("month", "02")])),
            Some((20_250_201, 20_250_228))
        );
        assert_eq!(
            partition_days(&kv(&[("year", "2024"), ("month", "12")])),
            Some((20_241_201, 20_241_231))
        );
        assert_eq!(
            partition_days(&kv(&[("year", "2025")])),
            Some((20_250_101, 20_251_231))
        );
        assert_eq!(partition_days(&kv(&[("source", "web")])), None);
        assert_eq!(partition_days(&kv(&[("date", "soon")])), None);
    }
}
