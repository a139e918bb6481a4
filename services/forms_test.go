package services_test

import (
	"bytes"
	"fmt"
	"testing"

	"kntc/exports"
	"kntc/models"
	"kntc/services"
)

// formValue returns column n of a form.
func formValue(t testing.TB, forms []exports.Form, sheet string, n int) int {
	t.Helper()
	for _, f := range forms {
		if f.Sheet == sheet {
			v, err := f.Values()
			if err != nil {
				t.Fatal(err)
			}
			return v[n-1]
		}
	}
	t.Fatalf("no form %s", sheet)
	return 0
}

func TestFormsAgreeWithTheStatistics(t *testing.T) {
	// The forms and the monthly figures count the same records by the same
	// dates: regular reception, the chairman's sessions, letters received.
	e := newStEnv(t, 0)
	e.may2022()
	ctx := stAs(models.RoleReception)
	p := stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0)
	forms, err := e.svc.Forms(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	var sheets []string
	for _, f := range forms {
		sheets = append(sheets, f.Sheet)
	}
	if fmt.Sprint(sheets) != fmt.Sprint(exports.FormSheetNames()) {
		t.Fatalf("forms %v", sheets)
	}
	st, err := e.svc.Statistics(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	r, chair := st.Reception.Regular, st.Reception.ByHostLevel["chairman"]
	for _, c := range []struct {
		sheet     string
		col, want int
	}{
		{"01-TCD", 4, r.Visits}, {"01-TCD", 5, r.People}, {"01-TCD", 6, r.NewCases},
		{"01-TCD", 7, r.Cases - r.NewCases}, {"01-TCD", 8, r.Groups},
		{"01-TCD", 12, chair.Sessions}, {"01-TCD", 13, chair.Visits}, {"01-TCD", 14, chair.People},
		{"01-XLD", 3, st.Letters.Total},
	} {
		if got := formValue(t, forms, c.sheet, c.col); got != c.want {
			t.Errorf("%s column %d = %d, want %d", c.sheet, c.col, got, c.want)
		}
	}
}

func TestFormsRoles(t *testing.T) {
	e := newStEnv(t, 14)
	p := stPeriod(t, services.PeriodQuery{Quarter: "2022-Q1"}, 14)
	for _, role := range []models.Role{models.RoleReception, models.RoleLegal, models.RoleLeader} {
		wb, err := e.svc.FormsWorkbook(stAs(role), p)
		if err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		if len(wb.Forms) != 6 || wb.From.Format("2006-01-02") != "2021-12-15" || wb.Office.Place != "Tây Ninh" {
			t.Errorf("%s: %d forms from %v, office %+v", role, len(wb.Forms), wb.From, wb.Office)
		}
	}
	if _, err := e.svc.Forms(stAs(models.RoleAdmin), p); models.CodeOf(err) != models.CodeForbidden {
		t.Errorf("admin: %v", err)
	}
	if _, err := e.svc.Forms(stAs(models.RoleLeader), services.Period{}); models.CodeOf(err) != models.CodeInvalid {
		t.Errorf("no period: %v", err)
	}
}

// BenchmarkFormsYear counts and writes the six forms of 2022 over two years
// of 100,000 letters each, with cases, visits and sessions.
func BenchmarkFormsYear(b *testing.B) {
	e := newStEnv(b, 0)
	start := models.MustDate("2021-01-01")
	var caseIDs []uint
	for i := range 3000 {
		c := models.Case{}
		c.Title, c.Kind, c.Status = fmt.Sprintf("Vụ việc %d", i), models.Kinds()[i%3], models.CaseStatuss()[i%5]
		c.AcceptedOn = start.AddDays(i % 700)
		if c.Status == models.CaseStatusResolved || c.Status == models.CaseStatusClosed || c.Status == models.CaseStatusWithdrawn {
			c.DecisionOn = c.AcceptedOn.AddDays(20 + i%40)
			c.Result = models.CaseResults()[i%5]
		}
		c.ResolutionDueOn = c.AcceptedOn.AddDays(30)
		e.create(&c)
		caseIDs = append(caseIDs, c.ID)
	}
	yes, no := true, false
	// Inserted 10,000 at a time, so that the letters never sit in memory all at once.
	for first := 0; first < 200_000; first += 10_000 {
		chunk := make([]models.Letter, 0, 10_000)
		for i := first; i < first+10_000; i++ {
			l := e.newLetter(start.AddDays(i % 730).String())
			l.Domain, l.Kind, l.Topic = models.Domains()[i%3], models.Kinds()[(i/3)%3], models.Topics()[i%8]
			l.Outcome, l.Eligible, l.Competent = models.Outcomes()[i%6], &yes, &no
			if i%4 == 0 {
				l.Competent = &yes
			}
			if i%3 == 0 {
				l.CaseID = &caseIDs[i%len(caseIDs)]
			}
			if l.Outcome == models.OutcomeTransferred {
				l.ReplyReceivedOn = l.HandledOn.AddDays(15)
			}
			chunk = append(chunk, l)
		}
		e.letters(chunk...)
	}
	for i := range 200 {
		e.session(start.AddDays(i*3).String(), models.SessionTypePeriodic, models.HostLevels()[i%3], false)
	}
	for i := range 4000 {
		e.visit(start.AddDays(i%730).String(), models.VisitTypeRegular, caseIDs[i%len(caseIDs)], 1+i%7, nil, false)
	}
	ctx := stAs(models.RoleLeader)
	p := stPeriod(b, services.PeriodQuery{Year: "2022"}, 0)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		wb, err := e.svc.FormsWorkbook(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		if err := exports.WriteForms(&bytes.Buffer{}, wb); err != nil {
			b.Fatal(err)
		}
	}
}
