package models

import (
	"errors"
	"testing"
)

func TestResolutionDeadline(t *testing.T) {
	cal := NewCalendar(ShippedHolidays())
	rules := DefaultDeadlineRules()
	calendarRules := rules
	calendarRules.ComplaintUnit = CalendarDays
	ext := func(n int) []Extension {
		out := make([]Extension, n)
		for i := range out {
			out[i] = Extension{DecisionNumber: "12/QĐ-UBND", DecidedOn: MustDate("2022-06-20"), Days: 30}
		}
		return out
	}
	// Accepted on Wednesday 1/6/2022: no holiday until 1-2/9/2022.
	tests := []struct {
		name string
		c    CaseFields
		r    DeadlineRules
		want string
		susp bool
	}{
		{"complaint, first instance: 30 working days", CaseFields{Kind: KindComplaint, Instance: InstanceFirst}, rules, "2022-07-13", false},
		{"complaint without instance: as first", CaseFields{Kind: KindComplaint}, rules, "2022-07-13", false},
		{"complaint, first, complex: 45", CaseFields{Kind: KindComplaint, Complexity: ComplexityComplex}, rules, "2022-08-03", false},
		{"complaint, first, especially complex counts as complex: 45", CaseFields{Kind: KindComplaint, Complexity: ComplexityEspeciallyComplex}, rules, "2022-08-03", false},
		{"complaint, first, remote area: 45", CaseFields{Kind: KindComplaint, RemoteArea: true}, rules, "2022-08-03", false},
		{"complaint, first, remote and complex: 60", CaseFields{Kind: KindComplaint, RemoteArea: true, Complexity: ComplexityComplex}, rules, "2022-08-24", false},
		{"complaint, second instance: 45", CaseFields{Kind: KindComplaint, Instance: InstanceSecond}, rules, "2022-08-03", false},
		{"complaint, second, complex: 60", CaseFields{Kind: KindComplaint, Instance: InstanceSecond, Complexity: ComplexityComplex}, rules, "2022-08-24", false},
		{"complaint, second, remote: 60", CaseFields{Kind: KindComplaint, Instance: InstanceSecond, RemoteArea: true}, rules, "2022-08-24", false},
		{"complaint, second, remote and complex: 70, across 1-2/9", CaseFields{Kind: KindComplaint, Instance: InstanceSecond, RemoteArea: true, Complexity: ComplexityComplex}, rules, "2022-09-09", false},
		{"complaint in calendar days by setting: 30", CaseFields{Kind: KindComplaint}, calendarRules, "2022-07-01", false},
		{"denunciation: 30 calendar days", CaseFields{Kind: KindDenunciation}, rules, "2022-07-01", false},
		{"denunciation, complex, one extension: 60 days, Sunday 31/7 moves to Monday", CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex, Extensions: ext(1)}, rules, "2022-08-01", false},
		{"denunciation, especially complex, two extensions: 90 days", CaseFields{Kind: KindDenunciation, Complexity: ComplexityEspeciallyComplex, Extensions: ext(2)}, rules, "2022-08-30", false},
		{"denunciation: a closed suspension of 10 days pushes the date", CaseFields{Kind: KindDenunciation,
			Suspensions: []Suspension{{From: MustDate("2022-06-10"), To: MustDate("2022-06-19"), DecisionNumber: "1/QĐ"}}}, rules, "2022-07-11", false},
		{"complaint: a suspension of five working days pushes five working days", CaseFields{Kind: KindComplaint,
			Suspensions: []Suspension{{From: MustDate("2022-06-06"), To: MustDate("2022-06-10"), DecisionNumber: "1/QĐ"}}}, rules, "2022-07-20", false},
		{"an open suspension: no due date", CaseFields{Kind: KindComplaint,
			Suspensions: []Suspension{{From: MustDate("2022-06-06"), DecisionNumber: "1/QĐ"}}}, rules, "", true},
		{"petition: no statutory deadline", CaseFields{Kind: KindPetition}, rules, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{CaseFields: tc.c}
			c.AcceptedOn = MustDate("2022-06-01")
			d := ResolutionDeadline(&c, cal, tc.r)
			if d.Due.String() != tc.want || d.Suspended != tc.susp {
				t.Fatalf("got %s (suspended %v, %d %s days), want %s", d.Due, d.Suspended, d.Days, d.Unit, tc.want)
			}
		})
	}
	t.Run("not accepted: no deadline", func(t *testing.T) {
		if d := ResolutionDeadline(&Case{CaseFields: CaseFields{Kind: KindComplaint}}, cal, rules); !d.Due.IsZero() {
			t.Fatal(d.Due)
		}
	})
	t.Run("accepted on the first day of Tết 2022: the clock starts after it", func(t *testing.T) {
		c := Case{CaseFields: CaseFields{Kind: KindComplaint, AcceptedOn: MustDate("2022-01-31")}}
		if d := ResolutionDeadline(&c, cal, rules); d.Due.String() != "2022-03-18" { // 30 working days from 7/2
			t.Fatal(d.Due)
		}
		c.Instance = InstanceSecond
		if d := ResolutionDeadline(&c, cal, rules); d.Due.String() != "2022-04-08" {
			t.Fatal(d.Due)
		}
	})
	t.Run("a calendar-day limit ending in Tết moves past it", func(t *testing.T) {
		c := Case{CaseFields: CaseFields{Kind: KindDenunciation, AcceptedOn: MustDate("2024-01-09")}} // +30 = Thursday 8/2/2024
		if d := ResolutionDeadline(&c, cal, rules); d.Due.String() != "2024-02-15" {
			t.Fatal(d.Due)
		}
	})
}

func TestValidateClock(t *testing.T) {
	today := MustDate("2022-06-30")
	ext := Extension{DecisionNumber: "15/QĐ-UBND", DecidedOn: MustDate("2022-06-20")}
	susp := func(from, to string) Suspension {
		s := Suspension{From: MustDate(from), DecisionNumber: "3/QĐ-UBND"}
		if to != "" {
			s.To = MustDate(to)
		}
		return s
	}
	tests := []struct {
		name  string
		c     CaseFields
		field string // "" when valid
	}{
		{"complex denunciation: one extension", CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex, Extensions: []Extension{ext}}, ""},
		{"complex denunciation: a second extension is refused", CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex, Extensions: []Extension{ext, ext}}, "extensions"},
		{"especially complex: two extensions", CaseFields{Kind: KindDenunciation, Complexity: ComplexityEspeciallyComplex, Extensions: []Extension{ext, ext}}, ""},
		{"especially complex: a third extension is refused", CaseFields{Kind: KindDenunciation, Complexity: ComplexityEspeciallyComplex, Extensions: []Extension{ext, ext, ext}}, "extensions"},
		{"normal denunciation: no extension", CaseFields{Kind: KindDenunciation, Complexity: ComplexityNormal, Extensions: []Extension{ext}}, "extensions"},
		{"complaint: no extension", CaseFields{Kind: KindComplaint, Complexity: ComplexityComplex, Extensions: []Extension{ext}}, "extensions"},
		{"extension without decision number", CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex,
			Extensions: []Extension{{DecidedOn: MustDate("2022-06-20")}}}, "extensions[0].decision_number"},
		{"extension over 30 days", CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex,
			Extensions: []Extension{{DecisionNumber: "1", DecidedOn: MustDate("2022-06-20"), Days: 31}}}, "extensions[0].days"},
		{"extension in the future", CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex,
			Extensions: []Extension{{DecisionNumber: "1", DecidedOn: MustDate("2022-07-20")}}}, "extensions[0].decided_on"},
		{"closed then open suspension", CaseFields{Kind: KindComplaint, Suspensions: []Suspension{susp("2022-06-05", "2022-06-08"), susp("2022-06-20", "")}}, ""},
		{"an open suspension must be the last", CaseFields{Kind: KindComplaint, Suspensions: []Suspension{susp("2022-06-05", ""), susp("2022-06-20", "2022-06-21")}}, "suspensions[1].from"},
		{"overlapping suspensions", CaseFields{Kind: KindComplaint, Suspensions: []Suspension{susp("2022-06-05", "2022-06-10"), susp("2022-06-10", "2022-06-12")}}, "suspensions[1].from"},
		{"suspension ends before it starts", CaseFields{Kind: KindComplaint, Suspensions: []Suspension{susp("2022-06-10", "2022-06-05")}}, "suspensions[0].to"},
		{"suspension before acceptance", CaseFields{Kind: KindComplaint, Suspensions: []Suspension{susp("2022-05-10", "2022-05-15")}}, "suspensions[0].from"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{CaseFields: tc.c}
			c.AcceptedOn = MustDate("2022-06-01")
			err := c.ValidateClock(DefaultDeadlineRules(), today)
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != CodeInvalid || !hasField(e, tc.field) {
				t.Fatalf("got %v, want an error on %s", err, tc.field)
			}
		})
	}
	t.Run("an extension's days default to the limit", func(t *testing.T) {
		c := Case{CaseFields: CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex, AcceptedOn: MustDate("2022-06-01"),
			Extensions: []Extension{{DecisionNumber: "1", DecidedOn: MustDate("2022-06-20")}}}}
		if err := c.ValidateClock(DefaultDeadlineRules(), today); err != nil || c.Extensions[0].Days != 30 {
			t.Fatal(err, c.Extensions)
		}
	})
	t.Run("no extension before acceptance is recorded", func(t *testing.T) {
		c := Case{CaseFields: CaseFields{Kind: KindDenunciation, Complexity: ComplexityComplex, Extensions: []Extension{ext}}}
		if err := c.ValidateClock(DefaultDeadlineRules(), today); err == nil {
			t.Fatal("accepted")
		}
	})
}

func hasField(e *Error, field string) bool {
	for _, f := range e.Fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

func TestCaseStatusWorkflow(t *testing.T) {
	allowed := map[[2]CaseStatus]bool{
		{CaseStatusOpen, CaseStatusInProgress}: true, {CaseStatusOpen, CaseStatusWithdrawn}: true,
		{CaseStatusInProgress, CaseStatusResolved}: true, {CaseStatusInProgress, CaseStatusWithdrawn}: true,
		{CaseStatusResolved, CaseStatusClosed}: true, {CaseStatusWithdrawn, CaseStatusClosed}: true,
	}
	for _, from := range CaseStatuss() {
		for _, to := range CaseStatuss() {
			err := CheckTransition(from, to)
			want := from == to || allowed[[2]CaseStatus{from, to}]
			if (err == nil) != want {
				t.Errorf("%s -> %s: got %v, want allowed %v", from, to, err, want)
			}
			if err != nil && CodeOf(err) != CodeConflict {
				t.Errorf("%s -> %s: code %s, want conflict", from, to, CodeOf(err))
			}
		}
		if err := CheckTransition("", from); (err == nil) != (from != CaseStatusClosed) {
			t.Errorf("create as %s: %v", from, err)
		}
	}
}

func TestResolvedCaseNeedsDecision(t *testing.T) {
	today := MustDate("2022-06-30")
	base := CaseFields{Title: "Khiếu nại", Kind: KindComplaint, Status: CaseStatusResolved, AcceptedOn: MustDate("2022-06-01")}
	c := Case{CaseFields: base}
	err := c.Validate(today)
	var e *Error
	if !errors.As(err, &e) || !hasField(e, "decision_number") || !hasField(e, "decision_on") || !hasField(e, "result") {
		t.Fatalf("got %v", err)
	}
	c.DecisionNumber, c.DecisionOn, c.Result = "20/QĐ-UBND", MustDate("2022-06-25"), CaseResultCorrect
	if err := c.Validate(today); err != nil {
		t.Fatal(err)
	}
	d := Case{CaseFields: base}
	d.Kind, d.DecisionNumber, d.DecisionOn = KindDenunciation, "5/KL-UBND", MustDate("2022-06-25")
	if err := d.Validate(today); err != nil {
		t.Fatalf("a denunciation needs no result code: %v", err)
	}
}
