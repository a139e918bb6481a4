package services_test

import (
	"testing"
	"time"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/services"
)

// The statistics of a period are cached (services/statistics_cache.go);
// these tests change the records behind the service's back, the way a bulk
// load or another process would, and expect every change in the figures.

func TestCachedStatisticsFollowEveryWrite(t *testing.T) {
	e := newStEnv(t, 0)
	may := services.Period{From: models.MustDate("2022-05-01"), To: models.MustDate("2022-05-31")}
	total := func() int {
		t.Helper()
		st, err := e.svc.Statistics(stAs(models.RoleLeader), may)
		if err != nil {
			t.Fatal(err)
		}
		return st.Letters.Total
	}
	e.letters(e.newLetter("2022-05-03"), e.newLetter("2022-05-20"))
	if got := total(); got != 2 {
		t.Fatalf("total %d, want 2", got)
	}
	e.letters(e.newLetter("2022-05-04"))
	if got := total(); got != 3 {
		t.Fatalf("after an insert: total %d, want 3", got)
	}
	// Moving a letter out of May changes May.
	if err := e.db.Model(&models.Letter{}).Where("received_on = ?", "2022-05-20").Update("received_on", "2022-06-02").Error; err != nil {
		t.Fatal(err)
	}
	if got := total(); got != 2 {
		t.Fatalf("after a move: total %d, want 2", got)
	}
	if err := e.db.Where("received_on = ?", "2022-05-04").Delete(&models.Letter{}).Error; err != nil {
		t.Fatal(err)
	}
	if got := total(); got != 1 {
		t.Fatalf("after a withdrawal: total %d, want 1", got)
	}
}

func TestCachedStatisticsFollowVisitsAndCases(t *testing.T) {
	e := newStEnv(t, 0)
	may := services.Period{From: models.MustDate("2022-05-01"), To: models.MustDate("2022-05-31")}
	caseID := e.newCase("Tranh chấp đất", false)
	e.visit("2022-05-10", models.VisitTypeRegular, caseID, 1, nil, false)
	st, err := e.svc.Statistics(stAs(models.RoleLeader), may)
	if err != nil {
		t.Fatal(err)
	}
	if st.Reception.Regular.Cases != 1 || st.Reception.Regular.NewCases != 1 {
		t.Fatalf("cases %+v", st.Reception.Regular)
	}
	// An earlier visit of the case, in April, makes May's visit a repeat;
	// then withdrawing the case takes it out of May's cases.
	e.visit("2022-04-20", models.VisitTypeRegular, caseID, 1, nil, false)
	if st, _ = e.svc.Statistics(stAs(models.RoleLeader), may); st.Reception.Regular.NewCases != 0 {
		t.Fatalf("after an earlier visit: %+v", st.Reception.Regular)
	}
	if err := e.db.Session(&gorm.Session{NewDB: true}).Model(&models.Case{}).Where("id = ?", caseID).
		Update("deleted_at", time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)).Error; err != nil {
		t.Fatal(err)
	}
	if st, _ = e.svc.Statistics(stAs(models.RoleLeader), may); st.Reception.Regular.Cases != 0 || st.Reception.Regular.Visits != 1 {
		t.Fatalf("after withdrawing the case: %+v", st.Reception.Regular)
	}
}

func TestFigureVersionsAreMonthly(t *testing.T) {
	e := newStEnv(t, 0)
	version := func(from, to string) int64 {
		t.Helper()
		v, err := models.FigureVersion(e.db, models.MustDate(from), models.MustDate(to))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	may, june := version("2022-05-01", "2022-05-31"), version("2022-06-01", "2022-06-30")
	e.letters(e.newLetter("2022-06-03"))
	e.documents("2022-06-05", 2, false)
	if got := version("2022-05-01", "2022-05-31"); got != may {
		t.Errorf("June's records changed May's version: %d to %d", may, got)
	}
	if got := version("2022-06-01", "2022-06-30"); got <= june {
		t.Errorf("June's version did not grow: %d to %d", june, got)
	}
	if got := version("2022-01-01", "2022-12-31"); got <= may {
		t.Errorf("the year's version did not grow")
	}
	e.visit("2022-06-10", models.VisitTypeRegular, e.newCase("Vụ việc", false), 1, nil, false)
	if got := version("2022-05-01", "2022-05-31"); got <= may {
		t.Errorf("a visit, which may change later months' first visits, left May's version")
	}
}
