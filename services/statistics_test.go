package services_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"kntc/exports"
	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// stEnv is a database with records inserted directly, and a service whose
// today is 5 June 2022.
type stEnv struct {
	t   testing.TB
	db  *gorm.DB
	svc *services.Service
	seq int
}

func newStEnv(t testing.TB, cutoffDay int) *stEnv {
	t.Helper()
	db := modeltest.NewDB(t)
	cfg := services.DefaultConfig()
	cfg.CutoffDay = cutoffDay
	cfg.Office = services.Office{ParentName: "ỦY BAN NHÂN DÂN TỈNH TÂY NINH", Name: "VĂN PHÒNG",
		Place: "Tây Ninh", SignerTitle: "CHÁNH VĂN PHÒNG", SignerName: "Nguyễn Văn An"}
	svc := services.New(db, cfg, nil)
	svc.SetClock(func() time.Time { return time.Date(2022, 6, 5, 9, 0, 0, 0, time.UTC) })
	return &stEnv{t: t, db: db, svc: svc}
}

func stAs(role models.Role) context.Context {
	return services.WithActor(context.Background(), services.Actor{ID: 7, Username: "canbo", Role: role})
}

func (e *stEnv) create(v any) {
	e.t.Helper()
	if err := e.db.Create(v).Error; err != nil {
		e.t.Fatalf("insert %T: %v", v, err)
	}
}

var stWithdrawn = gorm.DeletedAt{Time: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC), Valid: true}

// newLetter returns a handled letter received on day, from one sender, by post.
func (e *stEnv) newLetter(day string) models.Letter {
	e.seq++
	on := models.MustDate(day)
	l := models.Letter{Code: fmt.Sprintf("%d/%06d", on.Year(), e.seq), Year: on.Year(), Seq: e.seq,
		Status: models.LetterStatusHandled, HandlingDueOn: on.AddDays(14)}
	l.ReceivedOn, l.Source, l.Subject, l.SignerCount = on, models.SourcePost, "Đơn đề nghị giải quyết", 1
	l.Senders = []models.Person{{FullName: fmt.Sprintf("Công dân %d", e.seq)}}
	l.Domain, l.Kind, l.Outcome, l.HandledOn = models.DomainLand, models.KindComplaint, models.OutcomeFiled, on.AddDays(3)
	return l
}

func (e *stEnv) letters(ls ...models.Letter) {
	e.t.Helper()
	if err := e.db.CreateInBatches(ls, 200).Error; err != nil {
		e.t.Fatal(err)
	}
}

func (e *stEnv) newCase(title string, withdrawn bool) uint {
	c := models.Case{}
	c.Title, c.Kind, c.Status = title, models.KindComplaint, models.CaseStatusOpen
	if withdrawn {
		c.DeletedAt = stWithdrawn
	}
	e.create(&c)
	return c.ID
}

func (e *stEnv) visit(day string, typ models.VisitType, caseID uint, people int, session *uint, withdrawn bool) {
	v := models.ReceptionVisit{}
	v.VisitedOn, v.Type, v.CaseID, v.PeopleCount, v.SessionID = models.MustDate(day), typ, &caseID, people, session
	v.Representative = models.Person{FullName: "Người đại diện"}
	v.Content, v.Outcome = "Trình bày nội dung", models.VisitOutcomeGuided
	if withdrawn {
		v.DeletedAt = stWithdrawn
	}
	e.create(&v)
}

func (e *stEnv) session(day string, typ models.SessionType, level models.HostLevel, withdrawn bool) *uint {
	s := models.ReceptionSession{}
	s.HeldOn, s.Type, s.HostLevel = models.MustDate(day), typ, level
	s.HostName, s.HostTitle, s.Location = "Nguyễn Thanh Ngọc", "Chủ tịch UBND Tỉnh", "Trụ sở Tiếp công dân tỉnh"
	if withdrawn {
		s.DeletedAt = stWithdrawn
	}
	e.create(&s)
	return &s.ID
}

func (e *stEnv) dialogue(day string, withdrawn bool, cases ...uint) {
	d := models.Dialogue{}
	d.HeldOn, d.ChairedBy, d.Location = models.MustDate(day), "Phó Chủ tịch UBND Tỉnh", "Hội trường UBND Tỉnh"
	if withdrawn {
		d.DeletedAt = stWithdrawn
	}
	e.create(&d)
	for _, c := range cases {
		e.create(&models.DialogueCase{DialogueID: d.ID, CaseID: c})
	}
}

func (e *stEnv) council(day string, withdrawn bool, cases ...uint) {
	m := models.CouncilMeeting{}
	m.HeldOn, m.ChairedBy = models.MustDate(day), "Chánh Thanh tra tỉnh"
	if withdrawn {
		m.DeletedAt = stWithdrawn
	}
	e.create(&m)
	for _, c := range cases {
		e.create(&models.CouncilMeetingCase{CouncilMeetingID: m.ID, CaseID: c})
	}
}

func (e *stEnv) documents(day string, n int, withdrawn bool) {
	e.t.Helper()
	docs := make([]models.Document, n)
	types := models.DocTypes()
	for i := range docs {
		d := &docs[i]
		d.Number, d.IssuedOn, d.DocType, d.Subject = fmt.Sprintf("%d/UBND", i+1), models.MustDate(day), types[i%len(types)], "Văn bản"
		if withdrawn {
			d.DeletedAt = stWithdrawn
		}
	}
	if err := e.db.CreateInBatches(docs, 200).Error; err != nil {
		e.t.Fatal(err)
	}
}

func (e *stEnv) cases(prefix string, n int) []uint {
	ids := make([]uint, n)
	for i := range ids {
		ids[i] = e.newCase(fmt.Sprintf("%s %d", prefix, i+1), false)
	}
	return ids
}

// may2022 inserts the records behind the office's report for May 2022, and
// around them records that must not count: withdrawn ones in May and
// others just outside the month.
func (e *stEnv) may2022() {
	var ls []models.Letter
	for i := range 81 {
		l := e.newLetter(fmt.Sprintf("2022-05-%02d", 1+i%31))
		switch {
		case i < 59:
			l.Domain = models.DomainLand
		case i < 69:
			l.Domain = models.DomainCivil
		default:
			l.Domain = models.DomainOther
		}
		switch {
		case i < 6:
			l.Kind = models.KindDenunciation
			l.Senders = []models.Person{{FullName: fmt.Sprintf("Người tố cáo %d", i+1), Address: "Tây Ninh"}}
		case i < 55:
			l.Kind = models.KindComplaint
		default:
			l.Kind = models.KindPetition
		}
		switch {
		case i < 20:
			l.Outcome = models.OutcomeGuided
		case i < 38:
			l.Outcome, l.TransferredTo = models.OutcomeTransferred, "UBND huyện"
		default:
			l.Outcome = models.OutcomeFiled
		}
		ls = append(ls, l)
	}
	gone := e.newLetter("2022-05-10")
	gone.DeletedAt = stWithdrawn
	ls = append(ls, gone, e.newLetter("2022-04-30"), e.newLetter("2022-06-01"))
	e.letters(ls...)

	regular := e.cases("Vụ việc tiếp thường xuyên", 30)
	for i, c := range regular {
		people := 1
		if i < 11 {
			people = 2
		}
		e.visit(fmt.Sprintf("2022-05-%02d", 1+i), models.VisitTypeRegular, c, people, nil, false)
	}
	e.visit("2022-05-20", models.VisitTypeRegular, e.newCase("Vụ việc rút", false), 3, nil, true)
	e.visit("2022-04-30", models.VisitTypeRegular, e.newCase("Vụ việc tháng 4", false), 1, nil, false)
	chairman := e.session("2022-05-16", models.SessionTypePeriodic, models.HostLevelChairman, false)
	e.visit("2022-05-16", models.VisitTypePeriodic, e.newCase("Vụ việc Chủ tịch tiếp", false), 1, chairman, false)
	e.session("2022-05-17", models.SessionTypeAdhoc, models.HostLevelViceChairman, true)

	dc := e.cases("Vụ việc đối thoại", 23)
	gone1 := e.newCase("Vụ việc đã rút", true)
	e.dialogue("2022-05-05", false, append(dc[:10:10], gone1)...)
	e.dialogue("2022-05-12", false, append(dc[10:18:18], dc[0])...)
	e.dialogue("2022-05-31", false, dc[18:]...)
	e.dialogue("2022-05-20", true, dc[0], e.newCase("Vụ việc đối thoại đã hủy", false))
	e.dialogue("2022-06-01", false, e.newCase("Vụ việc đối thoại tháng 6", false))

	cc := e.cases("Vụ việc Hội đồng tư vấn", 16)
	e.council("2022-05-09", false, cc[:9]...)
	e.council("2022-05-25", false, append(cc[9:16:16], cc[0])...)
	e.council("2022-05-26", true, e.newCase("Vụ việc hội đồng đã hủy", false))

	e.documents("2022-05-01", 200, false)
	e.documents("2022-05-31", 267, false)
	e.documents("2022-05-15", 3, true)
	e.documents("2022-04-30", 2, false)
}

const stMay2022JSON = `{
  "period": {"from": "2022-05-01", "to": "2022-05-31", "label": "tháng 5 năm 2022"},
  "letters": {
    "total": 81,
    "by_source":  {"post": 81, "in_person": 0, "reception": 0, "forwarded": 0, "online": 0, "hotline": 0},
    "by_domain":  {"land": 59, "civil": 10, "other": 12, "unclassified": 0},
    "by_kind":    {"complaint": 49, "denunciation": 6, "petition": 26, "unclassified": 0},
    "by_outcome": {"guided": 20, "transferred": 18, "urged": 0, "accepted": 0, "returned": 0, "filed": 43, "pending": 0},
    "groups": 0, "overdue": 0
  },
  "reception": {
    "regular":  {"sessions": 0, "visits": 30, "people": 41, "cases": 30, "new_cases": 30, "groups": 0},
    "periodic": {"sessions": 1, "visits": 1,  "people": 1,  "cases": 1,  "new_cases": 1,  "groups": 0},
    "adhoc":    {"sessions": 0, "visits": 0,  "people": 0,  "cases": 0,  "new_cases": 0,  "groups": 0},
    "by_host_level": {
      "chairman":      {"sessions": 1, "visits": 1, "people": 1, "cases": 1},
      "vice_chairman": {"sessions": 0, "visits": 0, "people": 0, "cases": 0},
      "delegate":      {"sessions": 0, "visits": 0, "people": 0, "cases": 0}
    }
  },
  "dialogues": {"meetings": 3, "cases": 23},
  "council_meetings": {"meetings": 2, "cases": 16},
  "documents": {"total": 467, "by_type": {"decision": 68, "official_letter": 67, "report": 67, "plan": 67,
    "notice": 66, "minutes": 66, "other": 66}}
}`

const stMay2022Text = "- Tiếp nhận và xử lý 81 đơn gửi khiếu nại, tố cáo, phản ánh qua đường bưu điện, phân loại như sau: liên quan đến quyền sử dụng đất 59 đơn; dân sự 10 đơn; lĩnh vực chính trị, văn hoá – xã hội và lĩnh vực khác: 12 đơn. Trong đó, tố cáo 06 đơn; khiếu nại 49 đơn; kiến nghị, phản ánh 26 đơn (qua nghiên cứu đơn, đã xử lý như: hướng dẫn, chuyển cơ quan có thẩm quyền 38 đơn; lưu theo dõi 43 đơn).\n" +
	"- Tiếp dân thường xuyên 30 lượt với 41 người; tổ chức đối thoại 03 cuộc, 23 vụ việc; họp Hội đồng tư vấn 02 cuộc với 16 vụ việc.\n" +
	"- Tham mưu, phục vụ Chủ tịch UBND Tỉnh tiếp công dân 01 kỳ với 01 vụ việc.\n" +
	"- Ban hành trên 467 văn bản chỉ đạo, điều hành liên quan đến tiếp công dân, giải quyết khiếu nại, tố cáo; công tác thanh tra, phòng chống tham nhũng, thi hành án dân sự, thi hành án hành chính; thực hiện luật tố tụng hành chính, tố tụng dân sự.\n"

func stPeriod(t testing.TB, q services.PeriodQuery, cutoff int) services.Period {
	t.Helper()
	p, err := services.ParsePeriod(q, cutoff)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func stDecode(t testing.TB, v any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestStatisticsMay2022(t *testing.T) {
	e := newStEnv(t, 0)
	e.may2022()
	p := stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0)
	st, err := e.svc.Statistics(stAs(models.RoleReception), p)
	if err != nil {
		t.Fatal(err)
	}
	got := stDecode(t, st)
	var want map[string]any
	if err := json.Unmarshal([]byte(stMay2022JSON), &want); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"previous", "year_before"} {
		prev, ok := got[k].(map[string]any)
		if !ok {
			t.Fatalf("%s missing", k)
		}
		if !reflect.DeepEqual(stShape(prev), stShape(want)) {
			t.Errorf("%s does not have the keys of the period's figures", k)
		}
		delete(got, k)
	}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Fatalf("statistics\n%s\nwant\n%s", g, stMay2022JSON)
	}
	if st.Previous.Period.Label != "tháng 4 năm 2022" || st.Previous.Letters.Total != 1 ||
		st.Previous.Reception.Regular.Visits != 1 || st.Previous.Documents.Total != 2 {
		t.Errorf("previous: %+v", st.Previous)
	}
	if st.YearBefore.Period.Label != "tháng 5 năm 2021" || st.YearBefore.Letters.Total != 0 {
		t.Errorf("year before: %+v", st.YearBefore)
	}

	text, err := e.svc.StatisticsText(stAs(models.RoleLegal), p)
	if err != nil {
		t.Fatal(err)
	}
	if text != stMay2022Text {
		t.Fatalf("text\n%s\nwant\n%s", text, stMay2022Text)
	}
	if !norm.NFC.IsNormalString(text) {
		t.Error("text is not NFC")
	}
}

// stShape replaces every number of a decoded JSON value with 0, keeping
// the keys, so that two figure sets can be compared by shape.
func stShape(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, val := range x {
			if k == "period" {
				out[k] = "period"
				continue
			}
			out[k] = stShape(val)
		}
		return out
	case float64:
		return 0.0
	}
	return v
}

// stLeaves flattens decoded JSON into path -> number.
func stLeaves(prefix string, v any, out map[string]int) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			stLeaves(p, val, out)
		}
	case float64:
		out[prefix] = int(x)
	}
}

func TestStatisticsFigureListCoversTheJSON(t *testing.T) {
	e := newStEnv(t, 0)
	e.may2022()
	st, err := e.svc.Statistics(stAs(models.RoleLeader), stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0))
	if err != nil {
		t.Fatal(err)
	}
	m := stDecode(t, st.Figures)
	delete(m, "period")
	want := map[string]int{}
	stLeaves("", m, want)
	got := map[string]int{}
	for _, f := range st.FigureList(5) {
		if _, dup := got[f.Code]; dup {
			t.Errorf("%s listed twice", f.Code)
		}
		got[f.Code] = f.Value
		if f.Label == "" || !norm.NFC.IsNormalString(f.Label) {
			t.Errorf("%s label %q", f.Code, f.Label)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("figure list\n%v\nwant\n%v", got, want)
	}
	if got["reception.by_host_level.chairman.sessions"] != 1 || got["letters.by_domain.land"] != 59 {
		t.Errorf("figures %v", got)
	}
}

func TestStatisticsPeriodEdges(t *testing.T) {
	for _, tt := range []struct {
		name    string
		cutoff  int
		in, out []string // dates inside and just outside "month 2022-05"
	}{
		{"calendar month", 0, []string{"2022-05-01", "2022-05-31"}, []string{"2022-04-30", "2022-06-01"}},
		{"15th to 14th", 14, []string{"2022-04-15", "2022-05-14"}, []string{"2022-04-14", "2022-05-15"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newStEnv(t, tt.cutoff)
			for _, day := range append(tt.in, tt.out...) {
				e.letters(e.newLetter(day))
				e.visit(day, models.VisitTypeAdhoc, e.newCase("Vụ việc "+day, false), 1,
					e.session(day, models.SessionTypeAdhoc, models.HostLevelDelegate, false), false)
				e.dialogue(day, false, e.newCase("Đối thoại "+day, false))
				e.council(day, false, e.newCase("Hội đồng "+day, false))
				e.documents(day, 1, false)
			}
			p := stPeriod(t, services.PeriodQuery{Month: "2022-05"}, tt.cutoff)
			st, err := e.svc.Statistics(stAs(models.RoleLeader), p)
			if err != nil {
				t.Fatal(err)
			}
			f := st.Figures
			adhoc := f.Reception.Adhoc
			got := []int{f.Letters.Total, adhoc.Sessions, adhoc.Visits, adhoc.Cases, adhoc.NewCases,
				f.Reception.ByHostLevel["delegate"].Sessions, f.Reception.ByHostLevel["delegate"].Cases,
				f.Dialogues.Meetings, f.Dialogues.Cases, f.CouncilMeetings.Meetings, f.CouncilMeetings.Cases, f.Documents.Total}
			for i, n := range got {
				if n != 2 {
					t.Errorf("figure %d = %d, want 2 (both edges in, neighbours out): %v", i, n, got)
					break
				}
			}
		})
	}
}

func TestStatisticsQuarterIsTheSumOfItsMonths(t *testing.T) {
	e := newStEnv(t, 14)
	// Each case is visited or discussed once, so distinct counts add up too.
	day := models.MustDate("2021-12-10")
	var ls []models.Letter
	for i := 0; day.Before(models.MustDate("2022-04-20")); i++ {
		l := e.newLetter(day.String())
		l.Domain = models.Domains()[i%3]
		l.Kind = models.Kinds()[i%3]
		l.Source = models.Sources()[i%len(models.Sources())]
		if i%4 == 0 {
			l.Outcome, l.HandledOn, l.Status = "", models.Date{}, models.LetterStatusClassified
		}
		if i%5 == 0 {
			l.SignerCount = 6
		}
		ls = append(ls, l)
		if i%3 == 0 {
			e.visit(day.String(), models.VisitTypeRegular, e.newCase("V", false), 1+(i/3)%6, nil, false)
		}
		if i%7 == 0 {
			e.dialogue(day.String(), false, e.newCase("D", false))
			e.documents(day.String(), 2, false)
		}
		day = day.AddDays(1)
	}
	e.letters(ls...)
	ctx := stAs(models.RoleLeader)
	quarter, err := e.svc.Statistics(ctx, stPeriod(t, services.PeriodQuery{Quarter: "2022-Q1"}, 14))
	if err != nil {
		t.Fatal(err)
	}
	sum := map[string]int{}
	for _, m := range []string{"2022-01", "2022-02", "2022-03"} {
		st, err := e.svc.Statistics(ctx, stPeriod(t, services.PeriodQuery{Month: m}, 14))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range st.FigureList(5) {
			sum[f.Code] += f.Value
		}
	}
	for _, f := range quarter.FigureList(5) {
		if sum[f.Code] != f.Value {
			t.Errorf("%s: quarter %d, months %d", f.Code, f.Value, sum[f.Code])
		}
	}
	if quarter.Period.From.String() != "2021-12-15" || quarter.Letters.Total != 90 ||
		quarter.Letters.ByOutcome["pending"] == 0 || quarter.Letters.Groups == 0 || quarter.Reception.Regular.Groups == 0 {
		t.Errorf("quarter figures too thin to prove anything: %+v", quarter.Figures.Letters)
	}
}

func TestStatisticsRepeatVisits(t *testing.T) {
	e := newStEnv(t, 0)
	back := e.newCase("Đến lại", false)
	e.visit("2022-04-20", models.VisitTypeRegular, back, 1, nil, false)
	e.visit("2022-05-03", models.VisitTypeRegular, back, 1, nil, false)
	twice := e.newCase("Hai lần trong tháng", false)
	e.visit("2022-05-04", models.VisitTypeRegular, twice, 2, nil, false)
	e.visit("2022-05-20", models.VisitTypeRegular, twice, 5, nil, false)
	mistaken := e.newCase("Lượt tháng 4 đã rút", false)
	e.visit("2022-04-10", models.VisitTypeRegular, mistaken, 1, nil, true)
	e.visit("2022-05-06", models.VisitTypeRegular, mistaken, 1, nil, false)
	gone := e.newCase("Vụ việc đã rút", true)
	e.visit("2022-05-07", models.VisitTypeRegular, gone, 1, nil, false)

	st, err := e.svc.Statistics(stAs(models.RoleLeader), stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0))
	if err != nil {
		t.Fatal(err)
	}
	want := services.ReceptionTypeFigures{Visits: 5, People: 10, Cases: 3, NewCases: 2, Groups: 1}
	if got := st.Reception.Regular; got != want {
		t.Errorf("May regular reception %+v, want %+v", got, want)
	}
	if got := st.Previous.Reception.Regular; got.Cases != 1 || got.NewCases != 1 || got.Visits != 1 {
		t.Errorf("April regular reception %+v", got)
	}
}

func TestStatisticsGroupsAndOverdue(t *testing.T) {
	e := newStEnv(t, 0) // today is 2022-06-05
	late := e.newLetter("2022-05-10")
	late.Outcome, late.HandledOn, late.Status, late.HandlingDueOn = "", models.Date{}, models.LetterStatusClassified, models.MustDate("2022-06-04")
	dueToday := e.newLetter("2022-05-11")
	dueToday.Outcome, dueToday.HandledOn, dueToday.Status, dueToday.HandlingDueOn = "", models.Date{}, models.LetterStatusRegistered, models.MustDate("2022-06-05")
	dueToday.Domain, dueToday.Kind = "", ""
	handledLate := e.newLetter("2022-05-01")
	handledLate.HandlingDueOn = models.MustDate("2022-05-02")
	four, five := e.newLetter("2022-05-12"), e.newLetter("2022-05-13")
	four.SignerCount, five.SignerCount = 4, 5
	e.letters(late, dueToday, handledLate, four, five)

	st, err := e.svc.Statistics(stAs(models.RoleLegal), stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0))
	if err != nil {
		t.Fatal(err)
	}
	l := st.Letters
	if l.Total != 5 || l.Overdue != 1 || l.Groups != 1 || l.ByOutcome["pending"] != 2 ||
		l.ByDomain["unclassified"] != 1 || l.ByKind["unclassified"] != 1 {
		t.Errorf("letters %+v", l)
	}
	text := exports.StatisticsText(st.Narrative())
	if !strings.Contains(text, "chưa phân loại 01 đơn") || !strings.Contains(text, "còn 02 đơn chưa xử lý") {
		t.Errorf("text does not name the unclassified and pending letters:\n%s", text)
	}
}

func TestStatisticsRoles(t *testing.T) {
	e := newStEnv(t, 0)
	p := stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0)
	for _, role := range []models.Role{models.RoleReception, models.RoleLegal, models.RoleLeader} {
		if _, err := e.svc.Statistics(stAs(role), p); err != nil {
			t.Errorf("%s: %v", role, err)
		}
	}
	if _, err := e.svc.Statistics(stAs(models.RoleAdmin), p); models.CodeOf(err) != models.CodeForbidden {
		t.Errorf("admin: got %v, want forbidden", err)
	}
	if _, err := e.svc.Statistics(context.Background(), p); models.CodeOf(err) != models.CodeUnauthorized {
		t.Errorf("no user: got %v, want unauthorized", err)
	}
	if _, err := e.svc.StatisticsWorkbook(stAs(models.RoleAdmin), p, false); models.CodeOf(err) != models.CodeForbidden {
		t.Errorf("admin workbook: got %v, want forbidden", err)
	}
	if _, err := e.svc.StatisticsWorkbook(stAs(models.RoleReception), p, true); models.CodeOf(err) != models.CodeForbidden {
		t.Errorf("reception asking for identities: got %v, want forbidden", err)
	}
	if _, err := e.svc.LetterRows(stAs(models.RoleReception), p, true); models.CodeOf(err) != models.CodeForbidden {
		t.Errorf("reception asking for identity rows: got %v, want forbidden", err)
	}
	var bad *models.Error
	if _, err := e.svc.Statistics(stAs(models.RoleLeader), services.Period{}); !errors.As(err, &bad) || bad.Code != models.CodeInvalid {
		t.Errorf("empty period: got %v, want invalid", err)
	}
}

// stWorkbook builds and writes the May workbook as role, and reopens it.
func stWorkbook(t *testing.T, e *stEnv, role models.Role, identity bool) *excelize.File {
	t.Helper()
	wb, err := e.svc.StatisticsWorkbook(stAs(role), stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0), identity)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := exports.WriteStatisticsWorkbook(&buf, wb); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestStatisticsWorkbook(t *testing.T) {
	e := newStEnv(t, 0)
	e.may2022()
	f := stWorkbook(t, e, models.RoleReception, false)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, exports.SheetNames()) {
		t.Fatalf("sheets %q", got)
	}
	cells := map[string]map[string]string{
		"Tổng hợp": {"A1": "ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "A2": "VĂN PHÒNG", "C3": "Tây Ninh, ngày 05 tháng 6 năm 2022",
			"A6": "Kỳ báo cáo: tháng 5 năm 2022", "C10": "tháng 5 năm 2022", "D10": "tháng 4 năm 2022", "E10": "tháng 5 năm 2021",
			"B12": "Tổng số đơn tiếp nhận", "C12": "81", "D12": "1", "E12": "0", "F12": "+81"},
		"Xử lý đơn": {"A6": "Liên quan đến quyền sử dụng đất (đất đai)", "F6": "59", "F7": "10", "F8": "12",
			"B10": "49", "C10": "6", "D10": "26", "F10": "81"},
		"Tiếp công dân": {"A6": "Tiếp thường xuyên", "C6": "30", "D6": "41", "E6": "30", "F6": "30", "G6": "0",
			"A7": "Tiếp định kỳ", "B7": "1", "A20": "Nguyễn Thanh Ngọc", "B20": "16/05/2022", "G20": "1"},
		"Đối thoại - HĐTV": {"A4": "1. Đối thoại (3 cuộc)", "B6": "05/05/2022", "E6": "10", "E7": "9"},
	}
	for sheet, want := range cells {
		for ref, w := range want {
			if got, _ := f.GetCellValue(sheet, ref); got != w {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, got, w)
			}
		}
	}
	if got, _ := f.GetCellValue("Đối thoại - HĐTV", "F6"); !strings.HasPrefix(got, "- Vụ việc đối thoại 1\n") ||
		strings.Contains(got, "đã rút") {
		t.Errorf("dialogue cases %q", got)
	}

	// Số liệu: one numeric row per figure of the JSON.
	rows, err := f.GetRows("Số liệu")
	if err != nil {
		t.Fatal(err)
	}
	st, _ := e.svc.Statistics(stAs(models.RoleReception), stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0))
	list := st.FigureList(5)
	if len(rows) != len(list)+1 || !reflect.DeepEqual(rows[0], []string{"Mã", "Chỉ tiêu", "Giá trị"}) {
		t.Fatalf("Số liệu has %d rows, header %q", len(rows), rows[0])
	}
	for i, fg := range list {
		r := rows[i+1]
		if r[0] != fg.Code || r[2] != strconv.Itoa(fg.Value) {
			t.Errorf("row %d %q, want %s = %d", i+2, r, fg.Code, fg.Value)
		}
		ref := fmt.Sprintf("C%d", i+2)
		if typ, _ := f.GetCellType("Số liệu", ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s is stored as %v, not a number", ref, typ)
		}
	}

	// Danh sách đơn: 81 letters; the denouncers' names are masked.
	reg, err := f.GetRows("Danh sách đơn")
	if err != nil {
		t.Fatal(err)
	}
	if len(reg) != 3+81 {
		t.Fatalf("register has %d rows", len(reg))
	}
	masked, named := 0, 0
	for _, r := range reg[3:] {
		switch {
		case r[7] == "tố cáo" && r[4] == models.ProtectedMask:
			masked++
		case r[7] == "tố cáo":
			t.Errorf("denunciation %s shows %q", r[1], r[4])
		case strings.HasPrefix(r[4], "Công dân "):
			named++
		}
		if strings.Contains(strings.Join(r, "|"), "Người tố cáo") {
			t.Errorf("row %q leaks a denouncer", r)
		}
	}
	if masked != 6 || named != 75 {
		t.Errorf("masked %d, named %d", masked, named)
	}
	if first := reg[3]; first[1] != "2022/000001" || first[2] != "01/05/2022" || first[3] != "qua đường bưu điện" ||
		first[6] != "liên quan đến quyền sử dụng đất (đất đai)" || first[8] != "hướng dẫn" || first[9] != "04/05/2022" {
		t.Errorf("first register row %q", first)
	}
	var exportsN, reveals int64
	e.db.Model(&models.AuditEntry{}).Where("action = ? AND entity = ?", services.ActionExport, "report").Count(&exportsN)
	e.db.Model(&models.AuditEntry{}).Where("action = ?", services.ActionReveal).Count(&reveals)
	if exportsN != 1 || reveals != 0 {
		t.Errorf("audit: %d exports, %d reveals", exportsN, reveals)
	}
}

func TestStatisticsWorkbookWithIdentity(t *testing.T) {
	e := newStEnv(t, 0)
	e.may2022()
	for _, role := range []models.Role{models.RoleLeader, models.RoleLegal} {
		f := stWorkbook(t, e, role, false)
		reg, _ := f.GetRows("Danh sách đơn")
		if reg[3][4] != models.ProtectedMask {
			t.Errorf("%s without include_identity sees %q", role, reg[3][4])
		}
	}
	f := stWorkbook(t, e, models.RoleLeader, true)
	reg, _ := f.GetRows("Danh sách đơn")
	var names []string
	for _, r := range reg[3:] {
		if r[7] == "tố cáo" {
			names = append(names, r[4])
		}
	}
	sort.Strings(names)
	if len(names) != 6 || names[0] != "Người tố cáo 1" {
		t.Errorf("revealed names %q", names)
	}
	var reveals []models.AuditEntry
	e.db.Where("action = ?", services.ActionReveal).Order("entity_id").Find(&reveals)
	if len(reveals) != 6 {
		t.Fatalf("%d reveal entries, want one per denunciation", len(reveals))
	}
	for _, r := range reveals {
		if r.Entity != "letter" || r.UserID == nil || *r.UserID != 7 || r.Username != "canbo" ||
			!strings.Contains(r.Detail, "tháng 5 năm 2022") || !strings.Contains(r.Detail, "người tố cáo") {
			t.Errorf("reveal entry %+v", r)
		}
	}
}

func TestStatisticsNarrativeWording(t *testing.T) {
	if n := (services.Figures{}).Narrative(); n.Letters != 0 { // zero figures must not panic
		t.Fatal(n)
	}
	e := newStEnv(t, 0)
	ls := []models.Letter{e.newLetter("2022-05-02"), e.newLetter("2022-05-03"), e.newLetter("2022-05-04")}
	ls[1].Source, ls[2].Source = models.SourceInPerson, models.SourceHotline
	ls[2].Outcome = models.OutcomeReturned
	e.letters(ls...)
	vice := e.session("2022-05-09", models.SessionTypePeriodic, models.HostLevelViceChairman, false)
	e.visit("2022-05-09", models.VisitTypePeriodic, e.newCase("A", false), 1, vice, false)
	e.visit("2022-05-09", models.VisitTypePeriodic, e.newCase("B", false), 1, vice, false)
	text, err := e.svc.StatisticsText(stAs(models.RoleReception), stPeriod(t, services.PeriodQuery{Month: "2022-05"}, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"- Tiếp nhận và xử lý 03 đơn gửi khiếu nại, tố cáo, phản ánh (qua đường bưu điện 01 đơn, nộp trực tiếp 01 đơn, qua Tổng đài 1022: 01 đơn), phân loại như sau: liên quan đến quyền sử dụng đất 03 đơn. Trong đó, khiếu nại 03 đơn (qua nghiên cứu đơn, đã xử lý như: trả lại 01 đơn; lưu theo dõi 02 đơn).\n",
		"- Trong kỳ không có lượt tiếp dân thường xuyên, không tổ chức đối thoại và không họp Hội đồng tư vấn.\n",
		"- Tham mưu, phục vụ Phó Chủ tịch UBND Tỉnh tiếp công dân 01 kỳ với 02 vụ việc.\n",
		"- Trong kỳ không ban hành văn bản",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text\n%s\nlacks\n%s", text, want)
		}
	}
	if strings.Contains(text, "Chủ tịch UBND Tỉnh tiếp công dân 00") {
		t.Errorf("text names a level without sessions:\n%s", text)
	}
}

// BenchmarkStatisticsYear computes a year's statistics (with the previous
// year and the same period a year before) over 200,000 letters in two
// years. The data is inserted only when the benchmark runs.
func BenchmarkStatisticsYear(b *testing.B) {
	e := newStEnv(b, 0)
	const n = 200_000
	start := models.MustDate("2021-01-01")
	batch := make([]models.Letter, 0, 500)
	in2022 := 0
	err := e.db.Transaction(func(tx *gorm.DB) error {
		for i := range n {
			l := e.newLetter(start.AddDays(i % 730).String())
			if l.ReceivedOn.Year() == 2022 {
				in2022++
			}
			l.Domain = models.Domains()[i%3]
			l.Kind = models.Kinds()[(i/3)%3]
			l.Outcome = models.Outcomes()[i%6]
			l.Source = models.Sources()[i%6]
			if i%10 == 0 {
				l.Outcome, l.Status = "", models.LetterStatusClassified
			}
			batch = append(batch, l)
			if len(batch) == cap(batch) {
				if err := tx.CreateInBatches(batch, 500).Error; err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 2000 {
		e.visit(start.AddDays(i%730).String(), models.VisitTypeRegular, uint(i%1500+1), 1+i%7, nil, false)
	}
	ctx := stAs(models.RoleLeader)
	p := stPeriod(b, services.PeriodQuery{Year: "2022"}, 0)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st, err := e.svc.Statistics(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		if st.Letters.Total != in2022 {
			b.Fatalf("total %d", st.Letters.Total)
		}
	}
}

// BenchmarkMonthWorkbookFromDB builds and writes a busy month's workbook
// (about 8,300 letters) from the database.
func BenchmarkMonthWorkbookFromDB(b *testing.B) {
	e := newStEnv(b, 0)
	var ls []models.Letter
	for i := range 8300 {
		l := e.newLetter(fmt.Sprintf("2022-05-%02d", 1+i%31))
		l.Kind = models.Kinds()[i%3]
		ls = append(ls, l)
	}
	e.letters(ls...)
	ctx := stAs(models.RoleLeader)
	p := stPeriod(b, services.PeriodQuery{Month: "2022-05"}, 0)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		wb, err := e.svc.StatisticsWorkbook(ctx, p, false)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := exports.WriteStatisticsWorkbook(&buf, wb); err != nil {
			b.Fatal(err)
		}
	}
}
