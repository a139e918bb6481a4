package handlers

import (
	"errors"
	"testing"

	"kntc/models"
)

// fuzzToday is a fixed today for the validation after decoding.
var fuzzToday = models.MustDate("2022-06-15")

// checkDecoded fails unless err is nil or a *models.Error whose code maps
// to a 4xx status: malformed input must never become a 500.
func checkDecoded(t *testing.T, body []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var e *models.Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error %T %v is not a *models.Error", body, err, err)
	}
	if status := statusOf[e.Code]; status < 400 || status > 499 {
		t.Fatalf("%q: code %q answers %d", body, e.Code, status)
	}
}

// fuzzDecode decodes arbitrary bodies into T with decodeStrict, as the
// create handlers do, then runs validate on what decoded.
func fuzzDecode[T any](f *testing.F, validate func(T) error) {
	f.Fuzz(func(t *testing.T, body []byte) {
		var in T
		err := decodeStrict(body, &in)
		checkDecoded(t, body, err)
		if err == nil {
			checkDecoded(t, body, validate(in))
		}
	})
}

// FuzzDecodeLetter decodes arbitrary bodies as a letter registration, as
// POST /api/v1/letters does. Seeds are real requests, in testdata/fuzz.
func FuzzDecodeLetter(f *testing.F) {
	fuzzDecode(f, func(in models.LetterFields) error {
		in.Normalize()
		l := models.Letter{LetterFields: in}
		return l.Validate(fuzzToday)
	})
}

// FuzzDecodeVisit does the same for a reception visit.
func FuzzDecodeVisit(f *testing.F) {
	fuzzDecode(f, func(in models.VisitFields) error {
		v := models.ReceptionVisit{VisitFields: in}
		return v.Validate(fuzzToday)
	})
}
