package services

import (
	"strings"
	"testing"
	"unicode/utf8"

	"kntc/models"
)

func TestResolutionDue(t *testing.T) {
	// Accepted on Monday 31/1/2022, the first day of Tết (31/1-4/2).
	accepted := models.MustDate("2022-01-31")
	tests := []struct {
		name     string
		kind     models.Kind
		instance models.Instance
		accepted models.Date
		want     string
	}{
		{"complaint at first instance: 30 working days after Tết", models.KindComplaint, models.InstanceFirst, accepted, "2022-03-18"},
		{"complaint with no instance yet: as first", models.KindComplaint, "", accepted, "2022-03-18"},
		{"complaint at second instance: 45 working days", models.KindComplaint, models.InstanceSecond, accepted, "2022-04-08"},
		{"denunciation: 30 calendar days", models.KindDenunciation, "", accepted, "2022-03-02"},
		{"petition: none", models.KindPetition, "", accepted, ""},
		{"not accepted: none", models.KindComplaint, models.InstanceFirst, models.Date{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := models.Case{CaseFields: models.CaseFields{Kind: tc.kind, Instance: tc.instance, AcceptedOn: tc.accepted}}
			if got := resolutionDue(c).String(); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("khiếu nại ", 30)
	tests := []struct {
		name, in, want string
	}{
		{"short text stays, spaces folded", "  Đề nghị   xem xét\n lại ", "Đề nghị xem xét lại"},
		{"long text is cut at a word with an ellipsis", long, strings.TrimSpace(strings.Repeat("khiếu nại ", 5)) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := shorten(tc.in, 50)
			if got != tc.want || utf8.RuneCountInString(got) > 50 {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}
