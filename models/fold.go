package models

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form stored in search columns: NFC-independent, lower
// case, Vietnamese diacritics removed, đ as d, and runs of spaces collapsed,
// so that "dat dai" finds "Đất  đai" on SQLite and PostgreSQL alike.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	// Invalid bytes become U+FFFD first: the normaliser leaves the letters
	// after an invalid byte undecomposed, so folding twice would differ
	// (found by FuzzFold).
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, "\uFFFD")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		default:
			r = unicode.ToLower(r)
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

// NFC returns s in Unicode normalisation form C with surrounding spaces
// trimmed; every stored text goes through it so that decomposed input from
// some keyboards compares equal to composed text.
func NFC(s string) string {
	return strings.TrimSpace(norm.NFC.String(s))
}

// SearchTerms splits a query into folded words, each of which must match.
func SearchTerms(q string) []string {
	return strings.Fields(Fold(q))
}

// LikePattern returns a LIKE pattern matching term anywhere, with the LIKE
// wildcards in term escaped by a backslash (use with ESCAPE '\').
func LikePattern(term string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(term) + "%"
}
