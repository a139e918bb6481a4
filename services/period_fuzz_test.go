package services_test

import (
	"errors"
	"net/url"
	"testing"

	"kntc/models"
	"kntc/services"
)

// FuzzParsePeriodValues feeds arbitrary query strings and cut-off days to
// the period parser: it never panics, refuses with an invalid-input error
// naming a field, and every period it accepts, and the periods compared
// with it, run forwards and have a label. Seeds are in testdata/fuzz.
func FuzzParsePeriodValues(f *testing.F) {
	f.Fuzz(func(t *testing.T, rawQuery string, cutoffDay int) {
		v, err := url.ParseQuery(rawQuery)
		if err != nil {
			return
		}
		p, err := services.ParsePeriodValues(v, cutoffDay)
		if err != nil {
			var e *models.Error
			if !errors.As(err, &e) || e.Code != models.CodeInvalid || len(e.Fields) == 0 {
				t.Fatalf("%q: error %v is not an invalid-input error naming a field", rawQuery, err)
			}
			return
		}
		for name, q := range map[string]services.Period{"period": p, "previous": p.Previous(), "year before": p.YearBefore()} {
			if q.To.Before(q.From) || q.From.IsZero() || q.Label == "" {
				t.Fatalf("%q cut-off %d: %s %v to %v %q", rawQuery, cutoffDay, name, q.From, q.To, q.Label)
			}
		}
	})
}
