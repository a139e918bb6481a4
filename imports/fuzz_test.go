package imports_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"kntc/imports"
	"kntc/models"
)

// FuzzRead feeds arbitrary bytes to the reader as an uploaded workbook: it
// never panics, refuses with an invalid or unsupported-media error, and
// what it reads can be parsed and written back with its errors. Seeds are
// real workbooks (the template, filled registers, an errors workbook, an
// office's own register) in testdata/fuzz.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := imports.Read(bytes.NewReader(data))
		if err != nil {
			var e *models.Error
			if !errors.As(err, &e) || (e.Code != models.CodeInvalid && e.Code != models.CodeUnsupportedMedia) {
				t.Fatalf("error %v is neither invalid nor unsupported_media", err)
			}
			return
		}
		var all []imports.CellError
		for _, r := range s.Rows {
			_, errs := s.Parse(r)
			all = append(all, errs...)
		}
		_ = s.WriteErrors(io.Discard, all) // may fail on absurd sheets, must not panic
	})
}
