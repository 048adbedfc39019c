//! The `detente intake --json` shape, which scripts and tests read. Offsets are in Unicode
//! code points from the start of the text, `end` exclusive; every key is present.
