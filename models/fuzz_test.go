package models_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kntc/models"
)

// The seeds of these fuzz tests are real examples, kept in testdata/fuzz.

// FuzzFold checks the folded form that search columns store: idempotent,
// lower case, without combining marks or đ, without runs of spaces, and the
// same for composed and decomposed input.
func FuzzFold(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		folded := models.Fold(s)
		if again := models.Fold(folded); again != folded {
			t.Fatalf("Fold is not idempotent: %q -> %q -> %q", s, folded, again)
		}
		for _, r := range folded {
			switch {
			case unicode.Is(unicode.Mn, r):
				t.Fatalf("Fold(%q) = %q keeps the combining mark %U", s, folded, r)
			case r == 'đ' || r == 'Đ':
				t.Fatalf("Fold(%q) = %q keeps %q", s, folded, r)
			case unicode.ToLower(r) != r:
				t.Fatalf("Fold(%q) = %q keeps the capital %q", s, folded, r)
			}
		}
		if strings.Contains(folded, "  ") || strings.TrimSpace(folded) != folded {
			t.Fatalf("Fold(%q) = %q has extra spaces", s, folded)
		}
		if utf8.ValidString(s) && models.Fold(norm.NFC.String(s)) != models.Fold(norm.NFD.String(s)) {
			t.Fatalf("Fold depends on the normal form of %q", s)
		}
	})
}

// FuzzParseDate checks that a parsed date prints back as it was written
// and survives JSON both ways.
func FuzzParseDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := models.ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() || d.Year() < models.MinYear {
			// "0001-01-01" once parsed to the zero Date, which means unset
			// (found by this test; kept in the corpus).
			t.Fatalf("ParseDate(%q) gave %v", s, d)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) prints as %q", s, d)
		}
		raw, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back models.Date
		if err := json.Unmarshal(raw, &back); err != nil || back != d {
			t.Fatalf("%q -> %s -> %v, %v", s, raw, back, err)
		}
	})
}

// FuzzDateUnmarshalJSON feeds arbitrary JSON to a date: it never panics,
// and what it accepts is written back the same.
func FuzzDateUnmarshalJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		var d models.Date
		if err := d.UnmarshalJSON(b); err != nil {
			return
		}
		raw, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back models.Date
		if err := back.UnmarshalJSON(raw); err != nil || back != d {
			t.Fatalf("%q -> %s -> %v, %v", b, raw, back, err)
		}
	})
}
