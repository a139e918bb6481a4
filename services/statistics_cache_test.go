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

func TestFigureVersionsAreMonthlyPerGroup(t *testing.T) {
	e := newStEnv(t, 0)
	version := func(g models.FigureGroup, from, to string) int64 {
		t.Helper()
		v, err := models.FigureVersion(e.db, g, models.MustDate(from), models.MustDate(to))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	const letters, records = models.FigureLetters, models.FigureRecords
	may, june := version(letters, "2022-05-01", "2022-05-31"), version(letters, "2022-06-01", "2022-06-30")
	recordsJune := version(records, "2022-06-01", "2022-06-30")
	e.letters(e.newLetter("2022-06-03"))
	if got := version(letters, "2022-05-01", "2022-05-31"); got != may {
		t.Errorf("June's letter changed May's version: %d to %d", may, got)
	}
	if got := version(letters, "2022-06-01", "2022-06-30"); got <= june {
		t.Errorf("June's letters version did not grow: %d to %d", june, got)
	}
	if got := version(letters, "2022-01-01", "2022-12-31"); got <= may {
		t.Errorf("the year's letters version did not grow")
	}
	if got := version(records, "2022-06-01", "2022-06-30"); got != recordsJune {
		t.Errorf("a letter changed the other records' version: %d to %d", recordsJune, got)
	}
	june = version(letters, "2022-06-01", "2022-06-30")
	e.documents("2022-06-05", 2, false)
	if got := version(records, "2022-06-01", "2022-06-30"); got <= recordsJune {
		t.Errorf("June's documents left the records' version: %d", got)
	}
	if got := version(letters, "2022-06-01", "2022-06-30"); got != june {
		t.Errorf("a document changed the letters' version: %d to %d", june, got)
	}
	recordsMay := version(records, "2022-05-01", "2022-05-31")
	e.visit("2022-06-10", models.VisitTypeRegular, e.newCase("Vụ việc", false), 1, nil, false)
	if got := version(records, "2022-05-01", "2022-05-31"); got <= recordsMay {
		t.Errorf("a visit, which may change later months' first visits, left May's version")
	}
	if got := version(letters, "2022-05-01", "2022-05-31"); got != may {
		t.Errorf("a visit changed the letters' version: %d to %d", may, got)
	}
}

// A registration recounts the letters and leaves the other figures in
// the cache: the visits are changed here behind the counters' back, and
// only a recount of them would show it.
func TestCachedStatisticsRecountOnlyTheLetters(t *testing.T) {
	e := newStEnv(t, 0)
	may := services.Period{From: models.MustDate("2022-05-01"), To: models.MustDate("2022-05-31")}
	e.visit("2022-05-10", models.VisitTypeRegular, e.newCase("Tranh chấp đất", false), 1, nil, false)
	e.letters(e.newLetter("2022-05-03"))
	st, err := e.svc.Statistics(stAs(models.RoleLeader), may)
	if err != nil {
		t.Fatal(err)
	}
	if st.Letters.Total != 1 || st.Reception.Regular.Visits != 1 {
		t.Fatalf("letters %d, visits %d", st.Letters.Total, st.Reception.Regular.Visits)
	}
	var every int64
	if err := e.db.Raw("SELECT version FROM figure_versions WHERE name = '*'").Scan(&every).Error; err != nil {
		t.Fatal(err)
	}
	if err := e.db.Exec("UPDATE reception_visits SET visited_on = ?", "2022-07-01").Error; err != nil {
		t.Fatal(err)
	}
	if err := e.db.Exec("UPDATE figure_versions SET version = ? WHERE name = '*'", every).Error; err != nil {
		t.Fatal(err)
	}
	e.letters(e.newLetter("2022-05-04"))
	st, err = e.svc.Statistics(stAs(models.RoleLeader), may)
	if err != nil {
		t.Fatal(err)
	}
	if st.Letters.Total != 2 {
		t.Errorf("letters %d after a registration, want 2", st.Letters.Total)
	}
	if st.Reception.Regular.Visits != 1 {
		t.Errorf("visits %d: the registration recounted the visits", st.Reception.Regular.Visits)
	}
}
