package services

import (
	"context"
	"errors"
	"sync"

	"gorm.io/gorm"

	"kntc/models"
)

// The keys of the statistics for records not yet classified or handled.
const (
	// KeyUnclassified counts letters without a domain (by_domain) or a kind (by_kind).
	KeyUnclassified = "unclassified"
	// KeyPending counts letters without a handling outcome (by_outcome).
	KeyPending = "pending"
)

// Statistics are the figures of a reporting period and of the two periods
// it is compared with. Its JSON is the contract of GET
// /api/v1/reports/statistics: every key is present, zeros included.
type Statistics struct {
	Figures
	// Previous holds the figures of the period just before (kỳ trước).
	Previous Figures `json:"previous"`
	// YearBefore holds the figures of the same period a year earlier (cùng kỳ).
	YearBefore Figures `json:"year_before"`
}

// Figures are the counts of one period. Each record counts in the period
// that contains its own date; withdrawn records never count.
type Figures struct {
	Period          Period           `json:"period"`
	Letters         LetterFigures    `json:"letters"`
	Reception       ReceptionFigures `json:"reception"`
	Dialogues       MeetingFigures   `json:"dialogues"`
	CouncilMeetings MeetingFigures   `json:"council_meetings"`
	Documents       DocumentFigures  `json:"documents"`
}

// LetterFigures count the letters received in the period. Each breakdown
// partitions Total: every letter has one source, one domain (or
// unclassified), one kind (or unclassified) and one outcome (or pending).
type LetterFigures struct {
	Total int `json:"total"`
	// BySource has a key for every source code.
	BySource map[string]int `json:"by_source"`
	// ByDomain has a key for every domain code and KeyUnclassified.
	ByDomain map[string]int `json:"by_domain"`
	// ByKind has a key for every kind code and KeyUnclassified.
	ByKind map[string]int `json:"by_kind"`
	// ByOutcome has a key for every outcome code and KeyPending.
	ByOutcome map[string]int `json:"by_outcome"`
	// Groups counts letters signed by at least Config.GroupSize people.
	Groups int `json:"groups"`
	// Overdue counts letters of the period not yet handled whose handling
	// deadline is before today.
	Overdue int `json:"overdue"`
	// DomainKind[domain][kind] and OutcomeKind[outcome][kind] cross the same
	// letters for the workbook's tables, with the keys of ByDomain, ByKind
	// and ByOutcome; they are not part of the JSON contract.
	DomainKind  map[string]map[string]int `json:"-"`
	OutcomeKind map[string]map[string]int `json:"-"`
}

// ReceptionFigures count the reception of citizens in the period.
type ReceptionFigures struct {
	Regular  ReceptionTypeFigures `json:"regular"`
	Periodic ReceptionTypeFigures `json:"periodic"`
	Adhoc    ReceptionTypeFigures `json:"adhoc"`
	// ByHostLevel has a key for every host level code.
	ByHostLevel map[string]HostLevelFigures `json:"by_host_level"`
}

// ReceptionTypeFigures count the visits of one type (the columns of Biểu
// 01/TCD).
type ReceptionTypeFigures struct {
	// Sessions counts the leaders' sessions (kỳ tiếp) of this type; regular
	// reception has none.
	Sessions int `json:"sessions"`
	// Visits counts the visits (lượt tiếp).
	Visits int `json:"visits"`
	// People sums the people of the visits.
	People int `json:"people"`
	// Cases counts the distinct cases of the visits.
	Cases int `json:"cases"`
	// NewCases counts those cases whose first visit ever is in the period
	// (tiếp lần đầu); Cases-NewCases were received before (tiếp nhiều lần).
	NewCases int `json:"new_cases"`
	// Groups counts the group delegations (đoàn đông người): visits of at
	// least Config.GroupSize people.
	Groups int `json:"groups"`
}

// HostLevelFigures count the leaders' reception at one host level: the
// sessions held and the visits received in them.
type HostLevelFigures struct {
	Sessions int `json:"sessions"`
	Visits   int `json:"visits"`
	People   int `json:"people"`
	Cases    int `json:"cases"`
}

// MeetingFigures count dialogues or advisory council meetings and the
// distinct cases they discussed.
type MeetingFigures struct {
	Meetings int `json:"meetings"`
	Cases    int `json:"cases"`
}

// DocumentFigures count the documents issued in the period.
type DocumentFigures struct {
	Total int `json:"total"`
	// ByType has a key for every document type code.
	ByType map[string]int `json:"by_type"`
}

// Statistics computes the figures of period p, of the period before it and
// of the same period a year earlier. Reception staff, legal staff and
// leaders may read them.
func (s *Service) Statistics(ctx context.Context, p Period) (Statistics, error) {
	if _, err := require(ctx, models.PermStatistics); err != nil {
		return Statistics{}, err
	}
	return s.statistics(ctx, p)
}

// statistics computes the three sets of figures, for callers that have
// checked the role.
func (s *Service) statistics(ctx context.Context, p Period) (Statistics, error) {
	if p.From.IsZero() || p.To.IsZero() || p.To.Before(p.From) {
		return Statistics{}, models.InvalidField("period", "Kỳ báo cáo không hợp lệ.")
	}
	// The three periods are counted concurrently: each is a few read-only
	// GROUP BY queries, which SQLite (WAL) and PostgreSQL serve in parallel
	// on separate connections. For a year or nine months the previous period
	// is the year before, counted once.
	periods := []Period{p, p.Previous(), p.YearBefore()}
	results := make([]Figures, len(periods))
	errs := make([]error, len(periods))
	var wg sync.WaitGroup
	for i, q := range periods {
		if i == 2 && q.From == periods[1].From && q.To == periods[1].To {
			continue
		}
		wg.Go(func() { results[i], errs[i] = s.cachedFigures(ctx, q) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Statistics{}, models.AsError(err)
	}
	if results[2].Period.From.IsZero() {
		results[2] = results[1]
		results[2].Period = periods[2]
	}
	return Statistics{Figures: results[0], Previous: results[1], YearBefore: results[2]}, nil
}

// newFigures returns zero figures with every key of the contract present.
func newFigures(p Period) Figures {
	f := Figures{Period: p}
	f.Letters.BySource = zeroKeys(models.Sources())
	f.Letters.ByDomain = zeroKeys(models.Domains(), KeyUnclassified)
	f.Letters.ByKind = zeroKeys(models.Kinds(), KeyUnclassified)
	f.Letters.ByOutcome = zeroKeys(models.Outcomes(), KeyPending)
	f.Letters.DomainKind = map[string]map[string]int{}
	for k := range f.Letters.ByDomain {
		f.Letters.DomainKind[k] = zeroKeys(models.Kinds(), KeyUnclassified)
	}
	f.Letters.OutcomeKind = map[string]map[string]int{}
	for k := range f.Letters.ByOutcome {
		f.Letters.OutcomeKind[k] = zeroKeys(models.Kinds(), KeyUnclassified)
	}
	f.Reception.ByHostLevel = map[string]HostLevelFigures{}
	for _, h := range models.HostLevels() {
		f.Reception.ByHostLevel[string(h)] = HostLevelFigures{}
	}
	f.Documents.ByType = zeroKeys(models.DocTypes())
	return f
}

// zeroKeys returns a map with a zero count for every code and extra key.
func zeroKeys[E ~string](codes []E, extra ...string) map[string]int {
	m := make(map[string]int, len(codes)+len(extra))
	for _, c := range codes {
		m[string(c)] = 0
	}
	for _, k := range extra {
		m[k] = 0
	}
	return m
}

// codeKey returns the statistics key of a stored code: an empty or unknown
// code (a value written by another tool) counts with the unset ones, so
// that the breakdowns still add up to the total.
func codeKey[E interface {
	~string
	Valid() bool
}](e E, unset string) string {
	if e == "" || !e.Valid() {
		return unset
	}
	return string(e)
}

// figureStep counts one part of a period's figures, from and to being
// 'YYYY-MM-DD'.
type figureStep func(db *gorm.DB, from, to string, f *Figures) error

// figures counts one period with steps. Every count is done by the database with
// GROUP BY, in a handful of queries, so a year of a million letters never
// travels to Go. The SQL is plain enough for SQLite and PostgreSQL alike;
// dates are compared with 'YYYY-MM-DD' parameters, which match the text
// dates of SQLite and the date columns of PostgreSQL.
func (s *Service) figures(ctx context.Context, p Period, steps []figureStep) (Figures, error) {
	f := newFigures(p)
	db := s.read(ctx)
	from, to := p.From.String(), p.To.String()
	for _, step := range steps {
		if err := step(db, from, to, &f); err != nil {
			return f, models.Internal(err)
		}
	}
	return f, nil
}

// letterGroup is one row of the letters GROUP BY.
type letterGroup struct {
	Source  models.Source
	Domain  models.Domain
	Kind    models.Kind
	Outcome models.Outcome
	N       int
	Multi   int
	Late    int
}

// countLetters fills the letter figures with one GROUP BY over the four
// classifications; the breakdowns and cross tables are sums of its rows.
//
// letters.groups counts letters with at least GroupSize signers: the
// inspectorate's "đơn đông người" uses the same threshold as a group
// delegation at reception, so one setting serves both (a letter with two
// signers is "đơn có nhiều người đứng tên", not a group).
//
// The count is grouped twice. The inner GROUP BY adds received_on in front
// of the four classifications, the order of idx_letters_figures, so SQLite
// aggregates while it walks the index (a quarter of a million letters in a
// year) without sorting them; the outer one sorts only its day-by-group
// rows, about an eighth as many. Grouped once, SQLite sorted every letter
// of the year first: 230 ms of CPU instead of about 100 at a million
// letters (docs/performance.md). PostgreSQL hashes both levels alike.
func (s *Service) countLetters(db *gorm.DB, from, to string, f *Figures) error {
	var rows []letterGroup
	err := db.Raw(`SELECT source, domain, kind, outcome, CAST(SUM(n) AS BIGINT) AS n,
			CAST(SUM(multi) AS BIGINT) AS multi, CAST(SUM(late) AS BIGINT) AS late
		FROM (SELECT received_on, source, domain, kind, outcome, COUNT(*) AS n,
				SUM(CASE WHEN signer_count >= ? THEN 1 ELSE 0 END) AS multi,
				SUM(CASE WHEN status <> ? AND handling_due_on < ? THEN 1 ELSE 0 END) AS late
			FROM letters
			WHERE deleted_at IS NULL AND received_on >= ? AND received_on <= ?
			GROUP BY received_on, source, domain, kind, outcome) days
		GROUP BY source, domain, kind, outcome`,
		s.groupSize(), string(models.LetterStatusHandled), s.Today().String(), from, to).Scan(&rows).Error
	if err != nil {
		return err
	}
	l := &f.Letters
	for _, r := range rows {
		domain, kind := codeKey(r.Domain, KeyUnclassified), codeKey(r.Kind, KeyUnclassified)
		outcome := codeKey(r.Outcome, KeyPending)
		l.Total += r.N
		if src := string(r.Source); r.Source.Valid() {
			l.BySource[src] += r.N
		}
		l.ByDomain[domain] += r.N
		l.ByKind[kind] += r.N
		l.ByOutcome[outcome] += r.N
		l.DomainKind[domain][kind] += r.N
		l.OutcomeKind[outcome][kind] += r.N
		l.Groups += r.Multi
		l.Overdue += r.Late
	}
	return nil
}

// groupSize is the group delegation threshold, 5 when unset.
func (s *Service) groupSize() int {
	if s.cfg.GroupSize > 0 {
		return s.cfg.GroupSize
	}
	return 5
}

// visitGroup is one row of the visits GROUP BY.
type visitGroup struct {
	Type     models.VisitType
	Visits   int
	People   int
	Cases    int
	NewCases int
	// GroupsN reads the groups_n column: "groups" is a keyword of SQLite's
	// window syntax.
	GroupsN int
}

// liveCase is the case of visit v when that case is not withdrawn (NULL
// otherwise). It reads the few withdrawn cases (idx_cases_withdrawn)
// instead of joining every visit to its case: PostgreSQL hashed all of the
// cases table for the join, 250 ms for a year at a million letters.
const liveCase = `CASE WHEN v.case_id NOT IN (SELECT id FROM cases WHERE deleted_at IS NOT NULL) THEN v.case_id END`

// countVisits counts the visits of each type. A case is new (tiếp lần đầu)
// when no earlier non-withdrawn visit of it exists; withdrawn cases are not
// counted as cases.
func (s *Service) countVisits(db *gorm.DB, from, to string, f *Figures) error {
	var rows []visitGroup
	err := db.Raw(`SELECT v.type AS type, COUNT(*) AS visits,
			COALESCE(CAST(SUM(v.people_count) AS BIGINT), 0) AS people,
			COUNT(DISTINCT `+liveCase+`) AS cases,
			COUNT(DISTINCT CASE WHEN NOT EXISTS (
				SELECT 1 FROM reception_visits e
				WHERE e.case_id = v.case_id AND e.deleted_at IS NULL AND e.visited_on < ?)
				THEN `+liveCase+` END) AS new_cases,
			SUM(CASE WHEN v.people_count >= ? THEN 1 ELSE 0 END) AS groups_n
		FROM reception_visits v
		WHERE v.deleted_at IS NULL AND v.visited_on >= ? AND v.visited_on <= ?
		GROUP BY v.type`, from, s.groupSize(), from, to).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		if t := f.Reception.ofType(string(r.Type)); t != nil {
			t.Visits, t.People, t.Cases, t.NewCases, t.Groups = r.Visits, r.People, r.Cases, r.NewCases, r.GroupsN
		}
	}
	return nil
}

// ofType returns the figures of a visit or session type, nil for an unknown one.
func (r *ReceptionFigures) ofType(code string) *ReceptionTypeFigures {
	switch code {
	case string(models.VisitTypeRegular):
		return &r.Regular
	case string(models.VisitTypePeriodic):
		return &r.Periodic
	case string(models.VisitTypeAdhoc):
		return &r.Adhoc
	}
	return nil
}

// countSessions counts the leaders' sessions by type and host level.
func (s *Service) countSessions(db *gorm.DB, from, to string, f *Figures) error {
	var rows []struct {
		Type      models.SessionType
		HostLevel models.HostLevel
		N         int
	}
	err := db.Raw(`SELECT type, host_level, COUNT(*) AS n FROM reception_sessions
		WHERE deleted_at IS NULL AND held_on >= ? AND held_on <= ?
		GROUP BY type, host_level`, from, to).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		if t := f.Reception.ofType(string(r.Type)); t != nil {
			t.Sessions += r.N
		}
		if h, ok := f.Reception.ByHostLevel[string(r.HostLevel)]; ok {
			h.Sessions += r.N
			f.Reception.ByHostLevel[string(r.HostLevel)] = h
		}
	}
	return nil
}

// countHostLevels counts the visits received in the sessions of each host
// level; a visit counts by its own date, and not at all under a withdrawn
// session. "session_id IS NOT NULL" says what the join implies: without it
// PostgreSQL merge-joined in session order and walked past the visits of
// no session (most of them) looking for the period's, 110 ms for any period.
func (s *Service) countHostLevels(db *gorm.DB, from, to string, f *Figures) error {
	var rows []struct {
		HostLevel models.HostLevel
		Visits    int
		People    int
		Cases     int
	}
	err := db.Raw(`SELECT s.host_level AS host_level, COUNT(*) AS visits,
			COALESCE(CAST(SUM(v.people_count) AS BIGINT), 0) AS people,
			COUNT(DISTINCT `+liveCase+`) AS cases
		FROM reception_visits v
		JOIN reception_sessions s ON s.id = v.session_id AND s.deleted_at IS NULL
		WHERE v.session_id IS NOT NULL AND v.deleted_at IS NULL AND v.visited_on >= ? AND v.visited_on <= ?
		GROUP BY s.host_level`, from, to).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		if h, ok := f.Reception.ByHostLevel[string(r.HostLevel)]; ok {
			h.Visits, h.People, h.Cases = r.Visits, r.People, r.Cases
			f.Reception.ByHostLevel[string(r.HostLevel)] = h
		}
	}
	return nil
}

// countMeetings counts dialogues and council meetings and their distinct
// cases in one statement of four scalar subqueries.
func (s *Service) countMeetings(db *gorm.DB, from, to string, f *Figures) error {
	var r struct {
		Dialogues     int
		DialogueCases int
		Councils      int
		CouncilCases  int
	}
	err := db.Raw(`SELECT
		(SELECT COUNT(*) FROM dialogues
			WHERE deleted_at IS NULL AND held_on >= ? AND held_on <= ?) AS dialogues,
		(SELECT COUNT(DISTINCT c.id) FROM dialogue_cases dc
			JOIN dialogues d ON d.id = dc.dialogue_id
			JOIN cases c ON c.id = dc.case_id AND c.deleted_at IS NULL
			WHERE d.deleted_at IS NULL AND d.held_on >= ? AND d.held_on <= ?) AS dialogue_cases,
		(SELECT COUNT(*) FROM council_meetings
			WHERE deleted_at IS NULL AND held_on >= ? AND held_on <= ?) AS councils,
		(SELECT COUNT(DISTINCT c.id) FROM council_meeting_cases mc
			JOIN council_meetings m ON m.id = mc.council_meeting_id
			JOIN cases c ON c.id = mc.case_id AND c.deleted_at IS NULL
			WHERE m.deleted_at IS NULL AND m.held_on >= ? AND m.held_on <= ?) AS council_cases`,
		from, to, from, to, from, to, from, to).Scan(&r).Error
	if err != nil {
		return err
	}
	f.Dialogues = MeetingFigures{Meetings: r.Dialogues, Cases: r.DialogueCases}
	f.CouncilMeetings = MeetingFigures{Meetings: r.Councils, Cases: r.CouncilCases}
	return nil
}

// countDocuments counts the documents issued, by type.
func (s *Service) countDocuments(db *gorm.DB, from, to string, f *Figures) error {
	var rows []struct {
		DocType models.DocType
		N       int
	}
	// Grouped by day first, in the order of idx_documents_figures, for the
	// reason countLetters gives.
	err := db.Raw(`SELECT doc_type, CAST(SUM(n) AS BIGINT) AS n
		FROM (SELECT issued_on, doc_type, COUNT(*) AS n FROM documents
			WHERE deleted_at IS NULL AND issued_on >= ? AND issued_on <= ?
			GROUP BY issued_on, doc_type) days
		GROUP BY doc_type`, from, to).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		f.Documents.Total += r.N
		if r.DocType.Valid() {
			f.Documents.ByType[string(r.DocType)] += r.N
		}
	}
	return nil
}
