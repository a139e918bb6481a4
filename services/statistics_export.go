package services

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"

	"kntc/exports"
	"kntc/models"
)

// EntityReport names statistics exports in the audit trail.
const EntityReport = "report"

// StatisticsText returns the Vietnamese paragraph of the monthly report for
// period p (format=text).
func (s *Service) StatisticsText(ctx context.Context, p Period) (string, error) {
	st, err := s.Statistics(ctx, p)
	if err != nil {
		return "", err
	}
	return exports.StatisticsText(st.Narrative()), nil
}

// StatisticsWorkbook gathers everything the statistics workbook of period p
// shows (format=xlsx); the caller writes it with
// exports.WriteStatisticsWorkbook while the letter rows stream from the
// database, so ctx must stay alive until the workbook is written. The
// register masks denouncers' names unless includeIdentity is asked by legal
// staff or a leader; the export, and every identity it reveals, is audited.
func (s *Service) StatisticsWorkbook(ctx context.Context, p Period, includeIdentity bool) (exports.Workbook, error) {
	a, err := require(ctx, models.PermStatistics)
	if err != nil {
		return exports.Workbook{}, err
	}
	if err := checkReveal(a, includeIdentity); err != nil {
		return exports.Workbook{}, err
	}
	st, err := s.statistics(ctx, p)
	if err != nil {
		return exports.Workbook{}, err
	}
	wb := st.workbook(s.reportHeading(p), s.groupSize())
	if wb.Sessions, err = s.reportSessions(ctx, p); err != nil {
		return wb, err
	}
	if wb.Dialogues, err = s.reportMeetings(ctx, p, "dialogues", "dialogue_cases", "dialogue_id"); err != nil {
		return wb, err
	}
	if wb.CouncilMeetings, err = s.reportMeetings(ctx, p, "council_meetings", "council_meeting_cases", "council_meeting_id"); err != nil {
		return wb, err
	}
	if wb.Forms, err = s.forms(ctx, p); err != nil {
		return wb, err
	}
	if err := s.auditExport(ctx, a, p, "xlsx", includeIdentity); err != nil {
		return wb, err
	}
	wb.Letters = s.letterRows(ctx, p, includeIdentity)
	return wb, nil
}

// LetterRows returns the letters received in period p as register rows, in
// register order, read from the database while the caller iterates. Senders
// of denunciations are masked unless includeIdentity is asked by legal staff
// or a leader, which is audited for each letter revealed.
func (s *Service) LetterRows(ctx context.Context, p Period, includeIdentity bool) (iter.Seq2[exports.LetterRow, error], error) {
	a, err := require(ctx, models.PermStatistics)
	if err != nil {
		return nil, err
	}
	if err := checkReveal(a, includeIdentity); err != nil {
		return nil, err
	}
	if includeIdentity {
		if err := s.auditExport(ctx, a, p, "letters", true); err != nil {
			return nil, err
		}
	}
	return s.letterRows(ctx, p, includeIdentity), nil
}

// checkReveal refuses include_identity to users who may not see protected
// identity: exports never carry it otherwise (Luật Tố cáo, Điều 47).
func checkReveal(a Actor, includeIdentity bool) error {
	if includeIdentity && !a.Role.Can(models.PermSeeProtected) {
		return models.Errorf(models.CodeForbidden,
			"Chỉ chuyên viên xử lý đơn và lãnh đạo được xuất thông tin người tố cáo.")
	}
	return nil
}

// auditExport records the export and, when identities are included, one
// reveal entry per denunciation of the period, so the trail of each letter
// shows who exported its denouncer's name. The reveal rows are inserted by
// one INSERT ... SELECT rather than loaded into Go.
func (s *Service) auditExport(ctx context.Context, a Actor, p Period, format string, reveal bool) error {
	detail := fmt.Sprintf("Xuất báo cáo thống kê %s (%s)", p.Label, format)
	if reveal {
		detail += ", kèm thông tin người tố cáo"
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := s.audit(tx, a, ActionExport, EntityReport, 0, nil, detail); err != nil {
			return err
		}
		if !reveal {
			return nil
		}
		return tx.Exec(`INSERT INTO audit_entries (at, user_id, username, action, entity, entity_id, detail)
			SELECT ?, ?, ?, ?, ?, id, ? FROM letters
			WHERE deleted_at IS NULL AND kind = ? AND received_on >= ? AND received_on <= ?`,
			s.now().UTC(), a.userID(), a.Username, ActionReveal, (&models.Letter{}).EntityName(), detail,
			string(models.KindDenunciation), p.From.String(), p.To.String()).Error
	})
}

// letterRows streams the register rows of period p with database/sql Rows,
// one letter at a time, so a year's register never sits in memory.
func (s *Service) letterRows(ctx context.Context, p Period, reveal bool) iter.Seq2[exports.LetterRow, error] {
	return func(yield func(exports.LetterRow, error) bool) {
		rows, err := s.read(ctx).Model(&models.Letter{}).
			Select("code, "+s.rawDate("received_on")+", source, anonymous, senders, subject, domain, kind, outcome, "+
				s.rawDate("handled_on")).
			Where("received_on >= ? AND received_on <= ?", p.From.String(), p.To.String()).
			Order("received_on, year, seq, id").Rows()
		if err != nil {
			yield(exports.LetterRow{}, models.Internal(err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var (
				l       exports.LetterRow
				rec     models.Date
				handled models.Date
				source  models.Source
				domain  models.Domain
				kind    models.Kind
				outcome models.Outcome
				anon    bool
				senders []byte
			)
			if err := rows.Scan(&l.Code, &rec, &source, &anon, &senders, &l.Subject, &domain, &kind, &outcome, &handled); err != nil {
				yield(l, models.Internal(err))
				return
			}
			l.ReceivedOn, l.HandledOn = rec.Time(), handled.Time()
			l.Source, l.Domain, l.Kind = source.Label(), domain.Label(), kind.Label()
			l.Outcome = outcome.Label()
			l.Senders = senderNames(senders, anon, kind == models.KindDenunciation && !reveal)
			if !yield(l, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(exports.LetterRow{}, models.Internal(err))
		}
	}
}

// rawDate selects a date column for a streamed scan. The SQLite driver
// turns columns declared "date" into time.Time by trying layouts one after
// another, which allocates a parse error per failed layout and per row; the
// text itself is 'YYYY-MM-DD', which Date scans directly. PostgreSQL dates
// are left alone: their text form depends on the server's DateStyle.
func (s *Service) rawDate(col string) string {
	if s.sqlite {
		return "CAST(" + col + " AS TEXT) AS " + col
	}
	return col
}

// senderNames lists the senders' names for the register; masked, a
// denouncer's names become the mask. Whether a letter is anonymous is not
// protected identity.
func senderNames(raw []byte, anonymous, masked bool) string {
	var people []models.Person
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &people)
	}
	names := make([]string, 0, len(people))
	for _, p := range people {
		if p.FullName != "" {
			names = append(names, p.FullName)
		}
	}
	switch {
	case len(names) == 0 && anonymous:
		return "Đơn nặc danh"
	case len(names) == 0:
		return ""
	case masked:
		return models.ProtectedMask
	}
	return strings.Join(names, "; ")
}

// reportSessions lists the leaders' sessions of the period with the visits
// received in each.
func (s *Service) reportSessions(ctx context.Context, p Period) ([]exports.Session, error) {
	var rows []struct {
		HeldOn    models.Date
		Type      models.SessionType
		HostLevel models.HostLevel
		HostName  string
		HostTitle string
		Location  string
		Visits    int
		People    int
	}
	err := s.read(ctx).Raw(`SELECT s.held_on, s.type, s.host_level, s.host_name, s.host_title, s.location,
			COUNT(v.id) AS visits, COALESCE(CAST(SUM(v.people_count) AS BIGINT), 0) AS people
		FROM reception_sessions s
		LEFT JOIN reception_visits v ON v.session_id = s.id AND v.deleted_at IS NULL
		WHERE s.deleted_at IS NULL AND s.held_on >= ? AND s.held_on <= ?
		GROUP BY s.id, s.held_on, s.type, s.host_level, s.host_name, s.host_title, s.location
		ORDER BY s.held_on, s.id`, p.From.String(), p.To.String()).Scan(&rows).Error
	if err != nil {
		return nil, models.Internal(err)
	}
	out := make([]exports.Session, len(rows))
	for i, r := range rows {
		out[i] = exports.Session{Date: r.HeldOn.Time(), Type: reportUpper(r.Type.Label()), HostLevel: reportUpper(r.HostLevel.Label()),
			HostName: r.HostName, HostTitle: r.HostTitle, Location: r.Location, Visits: r.Visits, People: r.People}
	}
	return out, nil
}

// reportMeetings lists the dialogues or council meetings of the period with
// the titles of their (non-withdrawn) cases. The table names are constants
// of this file, never input.
func (s *Service) reportMeetings(ctx context.Context, p Period, table, joinTable, joinKey string) ([]exports.Meeting, error) {
	var rows []struct {
		ID        uint
		HeldOn    models.Date
		ChairedBy string
		Location  string
		Title     *string
	}
	err := s.read(ctx).Raw(`SELECT m.id, m.held_on, m.chaired_by, m.location, c.title
		FROM `+table+` m
		LEFT JOIN `+joinTable+` j ON j.`+joinKey+` = m.id
		LEFT JOIN cases c ON c.id = j.case_id AND c.deleted_at IS NULL
		WHERE m.deleted_at IS NULL AND m.held_on >= ? AND m.held_on <= ?
		ORDER BY m.held_on, m.id, c.id`, p.From.String(), p.To.String()).Scan(&rows).Error
	if err != nil {
		return nil, models.Internal(err)
	}
	var out []exports.Meeting
	var last uint
	for _, r := range rows {
		if len(out) == 0 || r.ID != last {
			out = append(out, exports.Meeting{Date: r.HeldOn.Time(), Chair: r.ChairedBy, Location: r.Location})
			last = r.ID
		}
		if r.Title != nil {
			m := &out[len(out)-1]
			m.Cases = append(m.Cases, *r.Title)
		}
	}
	return out, nil
}

// workbook lays the statistics out for the workbook writer under the
// office's heading; the lists, the forms and the letter rows are added by
// StatisticsWorkbook.
func (st Statistics) workbook(heading exports.Workbook, groupSize int) exports.Workbook {
	f := st.Figures
	wb := heading
	wb.Columns = [3]string{f.Period.Label, st.Previous.Period.Label, st.YearBefore.Period.Label}
	wb.Summary = st.summaryRows(groupSize)
	wb.Figures = f.FigureList(groupSize)
	kinds := append(reportLabels(models.Kinds()), "Chưa phân loại")
	kindKeys := append(reportKeys(models.Kinds()), KeyUnclassified)
	wb.ByDomainKind = reportCross("1. Phân loại đơn theo lĩnh vực và loại đơn", "Lĩnh vực", kinds, kindKeys,
		append(reportLabels(models.Domains()), "Chưa phân loại"), append(reportKeys(models.Domains()), KeyUnclassified),
		f.Letters.DomainKind)
	wb.ByOutcomeKind = reportCross("2. Hướng xử lý đơn theo loại đơn", "Hướng xử lý", kinds, kindKeys,
		append(reportLabels(models.Outcomes()), "Chưa xử lý"), append(reportKeys(models.Outcomes()), KeyPending),
		f.Letters.OutcomeKind)
	for _, t := range models.VisitTypes() {
		r := *f.Reception.ofType(string(t))
		wb.Reception = append(wb.Reception, exports.ReceptionRow{Label: reportUpper(t.Label()),
			Sessions: r.Sessions, Visits: r.Visits, People: r.People, Cases: r.Cases,
			NewCases: r.NewCases, RepeatCases: r.Cases - r.NewCases, Groups: r.Groups})
	}
	for _, h := range models.HostLevels() {
		r := f.Reception.ByHostLevel[string(h)]
		wb.HostLevels = append(wb.HostLevels, exports.HostLevelRow{Label: reportUpper(h.Label()),
			Sessions: r.Sessions, Visits: r.Visits, People: r.People, Cases: r.Cases})
	}
	return wb
}

// crossTable builds one table of the "Xử lý đơn" sheet from a cross count.
func reportCross(title, corner string, cols, colKeys, rows, rowKeys []string, counts map[string]map[string]int) exports.CrossTable {
	t := exports.CrossTable{Title: title, Corner: corner, Columns: cols}
	for i, rk := range rowKeys {
		values := make([]int, len(colKeys))
		for j, ck := range colKeys {
			values[j] = counts[rk][ck]
		}
		t.Rows = append(t.Rows, exports.CrossRow{Label: rows[i], Values: values})
	}
	return t
}

func reportLabels[E interface {
	~string
	Label() string
}](codes []E) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = reportUpper(c.Label())
	}
	return out
}

// reportVocab returns the vocabulary labels of codes as they are.
func reportVocab[E interface {
	~string
	Label() string
}](codes []E) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c.Label()
	}
	return out
}

func reportKeys[E ~string](codes []E) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = string(c)
	}
	return out
}

// reportUpper capitalises the first letter of a label that starts a cell.
func reportUpper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// reportLower puts the first letter of a label in lower case, for a label
// that continues a sentence.
func reportLower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// figureDef is one figure of the JSON contract: its path, its full label
// (the "Số liệu" sheet), its short label (under a heading of the summary)
// and how to read it.
type figureDef struct {
	code, label, short string
	get                func(*Figures) int
}

// figureDefs lists every figure of Figures in the order of the contract.
func figureDefs(groupSize int) []figureDef {
	var defs []figureDef
	add := func(code, label, short string, get func(*Figures) int) {
		defs = append(defs, figureDef{code, label, short, get})
	}
	fromMap := func(m func(*Figures) map[string]int, key string) func(*Figures) int {
		return func(f *Figures) int { return m(f)[key] }
	}
	add("letters.total", "Tổng số đơn tiếp nhận", "Tổng số đơn tiếp nhận", func(f *Figures) int { return f.Letters.Total })
	type breakdown struct {
		key, what string
		codes     []string
		labels    []string // as in the vocabulary, lower case
		m         func(*Figures) map[string]int
	}
	for _, b := range []breakdown{
		{"by_source", "nguồn", reportKeys(models.Sources()), reportVocab(models.Sources()),
			func(f *Figures) map[string]int { return f.Letters.BySource }},
		{"by_domain", "lĩnh vực", append(reportKeys(models.Domains()), KeyUnclassified),
			append(reportVocab(models.Domains()), "chưa phân loại"), func(f *Figures) map[string]int { return f.Letters.ByDomain }},
		{"by_kind", "loại đơn", append(reportKeys(models.Kinds()), KeyUnclassified),
			append(reportVocab(models.Kinds()), "chưa phân loại"), func(f *Figures) map[string]int { return f.Letters.ByKind }},
		{"by_outcome", "hướng xử lý", append(reportKeys(models.Outcomes()), KeyPending),
			append(reportVocab(models.Outcomes()), "chưa xử lý"), func(f *Figures) map[string]int { return f.Letters.ByOutcome }},
	} {
		for i, code := range b.codes {
			add("letters."+b.key+"."+code, "Đơn theo "+b.what+": "+b.labels[i], reportUpper(b.labels[i]), fromMap(b.m, code))
		}
	}
	add("letters.groups", fmt.Sprintf("Đơn có từ %d người đứng tên trở lên", groupSize),
		fmt.Sprintf("Đơn có từ %d người đứng tên trở lên", groupSize), func(f *Figures) int { return f.Letters.Groups })
	add("letters.overdue", "Đơn chưa xử lý đã quá hạn xử lý", "Đơn chưa xử lý đã quá hạn xử lý",
		func(f *Figures) int { return f.Letters.Overdue })
	typeFields := []struct {
		key, label string
		get        func(ReceptionTypeFigures) int
	}{
		{"sessions", "Số kỳ tiếp", func(r ReceptionTypeFigures) int { return r.Sessions }},
		{"visits", "Số lượt tiếp", func(r ReceptionTypeFigures) int { return r.Visits }},
		{"people", "Số người", func(r ReceptionTypeFigures) int { return r.People }},
		{"cases", "Số vụ việc", func(r ReceptionTypeFigures) int { return r.Cases }},
		{"new_cases", "Số vụ việc tiếp lần đầu", func(r ReceptionTypeFigures) int { return r.NewCases }},
		{"groups", "Số đoàn đông người", func(r ReceptionTypeFigures) int { return r.Groups }},
	}
	for _, t := range models.VisitTypes() {
		for _, fl := range typeFields {
			add("reception."+string(t)+"."+fl.key, reportUpper(t.Label())+": "+reportLower(fl.label),
				fl.label, func(f *Figures) int { return fl.get(*f.Reception.ofType(string(t))) })
		}
	}
	levelFields := []struct {
		key, label string
		get        func(HostLevelFigures) int
	}{
		{"sessions", "Số kỳ tiếp", func(r HostLevelFigures) int { return r.Sessions }},
		{"visits", "Số lượt tiếp", func(r HostLevelFigures) int { return r.Visits }},
		{"people", "Số người", func(r HostLevelFigures) int { return r.People }},
		{"cases", "Số vụ việc", func(r HostLevelFigures) int { return r.Cases }},
	}
	for _, h := range models.HostLevels() {
		for _, fl := range levelFields {
			add("reception.by_host_level."+string(h)+"."+fl.key,
				"Lãnh đạo tiếp, "+h.Label()+": "+reportLower(fl.label),
				fl.label, func(f *Figures) int { return fl.get(f.Reception.ByHostLevel[string(h)]) })
		}
	}
	add("dialogues.meetings", "Số cuộc đối thoại", "Số cuộc đối thoại", func(f *Figures) int { return f.Dialogues.Meetings })
	add("dialogues.cases", "Số vụ việc được đối thoại", "Số vụ việc được đối thoại", func(f *Figures) int { return f.Dialogues.Cases })
	add("council_meetings.meetings", "Số cuộc họp Hội đồng tư vấn", "Số cuộc họp Hội đồng tư vấn",
		func(f *Figures) int { return f.CouncilMeetings.Meetings })
	add("council_meetings.cases", "Số vụ việc đưa ra Hội đồng tư vấn", "Số vụ việc đưa ra Hội đồng tư vấn",
		func(f *Figures) int { return f.CouncilMeetings.Cases })
	add("documents.total", "Tổng số văn bản ban hành", "Tổng số văn bản ban hành", func(f *Figures) int { return f.Documents.Total })
	for _, d := range models.DocTypes() {
		add("documents.by_type."+string(d), "Văn bản ban hành: "+d.Label(), reportUpper(d.Label()),
			fromMap(func(f *Figures) map[string]int { return f.Documents.ByType }, string(d)))
	}
	return defs
}

// FigureList returns every figure of f as a row of the "Số liệu" sheet: its
// JSON path, a Vietnamese label and its value, in the order of the contract.
// groupSize names the threshold in the label of letters.groups.
func (f Figures) FigureList(groupSize int) []exports.Figure {
	defs := figureDefs(groupSize)
	out := make([]exports.Figure, len(defs))
	for i, d := range defs {
		out[i] = exports.Figure{Code: d.code, Label: d.label, Value: d.get(&f)}
	}
	return out
}

// summaryRows builds the indicators table of the summary sheet, each
// figure with its value in the three periods, grouped under headings.
func (st Statistics) summaryRows(groupSize int) []exports.SummaryRow {
	defs := figureDefs(groupSize)
	var rows []exports.SummaryRow
	heading := func(no, label string) {
		rows = append(rows, exports.SummaryRow{No: no, Label: label})
	}
	value := func(no string, d figureDef, label string, bold bool) {
		rows = append(rows, exports.SummaryRow{No: no, Label: label, Bold: bold,
			Values: []int{d.get(&st.Figures), d.get(&st.Previous), d.get(&st.YearBefore)}})
	}
	one := func(no, code string, bold bool) {
		for _, d := range defs {
			if d.code == code {
				value(no, d, d.short, bold)
			}
		}
	}
	under := func(prefix string, skip ...string) {
		for _, d := range defs {
			if strings.HasPrefix(d.code, prefix) && !reportHas(skip, strings.TrimPrefix(d.code, prefix)) {
				value("-", d, d.short, false)
			}
		}
	}
	heading("I", "XỬ LÝ ĐƠN")
	one("1", "letters.total", true)
	heading("2", "Theo nguồn đơn")
	under("letters.by_source.")
	heading("3", "Theo lĩnh vực")
	under("letters.by_domain.")
	heading("4", "Theo loại đơn")
	under("letters.by_kind.")
	heading("5", "Theo hướng xử lý")
	under("letters.by_outcome.")
	one("6", "letters.groups", false)
	one("7", "letters.overdue", false)

	heading("II", "TIẾP CÔNG DÂN")
	n := 0
	for _, t := range models.VisitTypes() {
		n++
		heading(fmt.Sprint(n), reportUpper(t.Label()))
		if t == models.VisitTypeRegular {
			under("reception.regular.", "sessions") // regular reception has no sessions
		} else {
			under("reception." + string(t) + ".")
		}
	}
	for _, h := range models.HostLevels() {
		n++
		heading(fmt.Sprint(n), "Lãnh đạo tiếp: "+h.Label())
		under("reception.by_host_level." + string(h) + ".")
	}

	heading("III", "ĐỐI THOẠI, HỘI ĐỒNG TƯ VẤN")
	one("1", "dialogues.meetings", false)
	one("2", "dialogues.cases", false)
	one("3", "council_meetings.meetings", false)
	one("4", "council_meetings.cases", false)

	heading("IV", "VĂN BẢN BAN HÀNH")
	one("1", "documents.total", true)
	under("documents.by_type.")
	return rows
}

func reportHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The narrative's own wording of some codes: the report says "liên quan đến
// quyền sử dụng đất" where the vocabulary adds "(đất đai)", and puts a colon
// after the long "other" domain. Codes not listed use their label.
var (
	narrativeSources = map[models.Source]string{models.SourceForwarded: "do cơ quan, tổ chức khác chuyển đến"}
	narrativeDomains = map[models.Domain]string{
		models.DomainLand:  "liên quan đến quyền sử dụng đất",
		models.DomainCivil: "dân sự",
		models.DomainOther: "lĩnh vực chính trị, văn hoá – xã hội và lĩnh vực khác:",
	}
	// narrativeKinds is the report's order: denunciations first.
	narrativeKinds = []models.Kind{models.KindDenunciation, models.KindComplaint, models.KindPetition}
	narrativeHosts = map[models.HostLevel]string{
		models.HostLevelChairman:     "Chủ tịch UBND Tỉnh",
		models.HostLevelViceChairman: "Phó Chủ tịch UBND Tỉnh",
		models.HostLevelDelegate:     "người được Chủ tịch UBND Tỉnh ủy quyền",
	}
)

// Narrative returns the figures in the wording of the monthly report
// paragraph of domain.md, for exports.StatisticsText: guided, transferred
// and urged letters are joined as "hướng dẫn, chuyển cơ quan có thẩm
// quyền", filed ones are "lưu theo dõi", and the other outcomes are named
// only when not zero.
func (f Figures) Narrative() exports.Narrative {
	l := f.Letters
	n := exports.Narrative{
		Letters:            l.Total,
		UnclassifiedDomain: l.ByDomain[KeyUnclassified],
		UnclassifiedKind:   l.ByKind[KeyUnclassified],
		Pending:            l.ByOutcome[KeyPending],
		RegularVisits:      f.Reception.Regular.Visits,
		RegularPeople:      f.Reception.Regular.People,
		RegularGroups:      f.Reception.Regular.Groups,
		Dialogues:          f.Dialogues.Meetings,
		DialogueCases:      f.Dialogues.Cases,
		CouncilMeetings:    f.CouncilMeetings.Meetings,
		CouncilCases:       f.CouncilMeetings.Cases,
		Documents:          f.Documents.Total,
	}
	for _, c := range models.Sources() {
		label, ok := narrativeSources[c]
		if !ok {
			label = c.Label()
		}
		n.Sources = append(n.Sources, exports.Count{Label: label, N: l.BySource[string(c)]})
	}
	for _, c := range models.Domains() {
		label, ok := narrativeDomains[c]
		if !ok {
			label = c.Label()
		}
		n.Domains = append(n.Domains, exports.Count{Label: label, N: l.ByDomain[string(c)]})
	}
	for _, c := range narrativeKinds {
		n.Kinds = append(n.Kinds, exports.Count{Label: c.Label(), N: l.ByKind[string(c)]})
	}
	o := l.ByOutcome
	n.Handling = []exports.Count{
		{Label: "hướng dẫn, chuyển cơ quan có thẩm quyền",
			N: o[string(models.OutcomeGuided)] + o[string(models.OutcomeTransferred)] + o[string(models.OutcomeUrged)]},
		{Label: "thụ lý giải quyết", N: o[string(models.OutcomeAccepted)]},
		{Label: "trả lại", N: o[string(models.OutcomeReturned)]},
		{Label: "lưu theo dõi", N: o[string(models.OutcomeFiled)]},
	}
	for _, h := range models.HostLevels() {
		r := f.Reception.ByHostLevel[string(h)]
		host, ok := narrativeHosts[h]
		if !ok {
			host = h.Label()
		}
		n.Leaders = append(n.Leaders, exports.LeaderReception{Host: host, Sessions: r.Sessions, Cases: r.Cases})
	}
	return n
}
