package services

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"

	"kntc/models"
)

// The limits of DemoOptions.
const (
	// MaxDemoLetters is the most letters GenerateDemo makes in one run.
	MaxDemoLetters = 5_000_000
	// MinDemoYear is the earliest year of demonstration data.
	MinDemoYear = 2000
)

// DemoOptions says how much demonstration data GenerateDemo makes.
type DemoOptions struct {
	// Letters is the number of letters, 1 to MaxDemoLetters; the other
	// records follow in proportion (see GenerateDemo).
	Letters int
	// FromYear and ToYear are the first and last year of the records; a
	// span that reaches the current year ends today.
	FromYear, ToYear int
	// Seed makes the data reproducible: the same seed on the same day
	// gives the same records.
	Seed int64
}

// Validate checks the options; today bounds the last year.
func (o DemoOptions) Validate(today models.Date) error {
	var v models.Validation
	if o.Letters < 1 || o.Letters > MaxDemoLetters {
		v.Add("letters", "Số đơn phải từ 1 đến 5.000.000.")
	}
	if o.FromYear < MinDemoYear {
		v.Addf("from_year", "Năm bắt đầu phải từ năm %d trở đi.", MinDemoYear)
	}
	if o.ToYear < MinDemoYear {
		v.Addf("to_year", "Năm kết thúc phải từ năm %d trở đi.", MinDemoYear)
	}
	if o.ToYear > today.Year() {
		v.Addf("to_year", "Năm kết thúc không được sau năm nay (%d).", today.Year())
	}
	if o.FromYear > o.ToYear {
		v.Add("from_year", "Năm bắt đầu không được sau năm kết thúc.")
	}
	return v.Err()
}

// DemoSummary counts the rows GenerateDemo wrote, per table.
type DemoSummary struct {
	From                models.Date `json:"from"`
	To                  models.Date `json:"to"`
	Letters             int         `json:"letters"`
	Cases               int         `json:"cases"`
	ReceptionSessions   int         `json:"reception_sessions"`
	ReceptionVisits     int         `json:"reception_visits"`
	Dialogues           int         `json:"dialogues"`
	DialogueCases       int         `json:"dialogue_cases"`
	CouncilMeetings     int         `json:"council_meetings"`
	CouncilMeetingCases int         `json:"council_meeting_cases"`
	Documents           int         `json:"documents"`
	// People and PersonLinks are the citizens of the people index and the
	// records they are named on.
	People      int           `json:"people"`
	PersonLinks int           `json:"person_links"`
	Duration    time.Duration `json:"duration"`
	// BesideWAL says the SQLite file was open elsewhere, so the load went
	// through the WAL, more slowly (see writeBulk).
	BesideWAL bool `json:"beside_wal,omitempty"`
}

// GenerateDemo fills a database that has no letter yet with synthetic
// records in the mix of a real office (domain.md, May 2022), for
// demonstrations and load tests: letters on every day from 1 January of
// FromYear to 31 December of ToYear or today, registered in date order with
// gapless codes, classified and handled as far as their age allows;
// reception visits about 0.4 per letter, each with its case (one in five a
// repeat visit), a periodic session of the chairman every month and some
// others; about three dialogues and two council meetings a month over
// recent cases; documents about 0.5 per letter; and the people index of
// every sender, representative and petitioner. The records are written in
// one transaction by multi-row INSERTs whose values GORM's schema gives,
// generated in a second goroutine, so that the load costs little beyond
// the database's own work; on SQLite the search indexes are built beside
// the load from the same rows, or once after it
// (models.SuspendRowTriggers), and the file is written without WAL when
// nobody else has it open (writeBulk). An actor
// in ctx must be an admin and becomes the creator; without one the first
// admin user is. The audit trail gets one entry for the whole load.
func (s *Service) GenerateDemo(ctx context.Context, o DemoOptions) (DemoSummary, error) {
	start := time.Now()
	today := s.Today()
	if err := o.Validate(today); err != nil {
		return DemoSummary{}, err
	}
	a, ok := ActorFrom(ctx)
	if ok {
		// Loading data is database maintenance, like a backup.
		if _, err := require(ctx, models.PermBackup); err != nil {
			return DemoSummary{}, err
		}
	} else {
		a = Actor{Username: "system"}
	}
	var sum DemoSummary
	throughWAL, err := s.writeBulk(ctx, func(tx *gorm.DB, side *models.SearchSide) error {
		var n int64
		if err := tx.Unscoped().Model(&models.Letter{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			// Synthetic letters among real ones would take register numbers
			// and distort every figure.
			return models.Errorf(models.CodeConflict,
				"Cơ sở dữ liệu đã có %d đơn; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu chưa có đơn nào.", n)
		}
		resume, err := models.SuspendRowTriggers(tx, side)
		if err != nil {
			return err
		}
		g, err := s.newDemoGen(ctx, tx, side, o, today, a)
		if err != nil {
			return err
		}
		if err := g.l.run(g.generate); err != nil {
			return err
		}
		if err := resume(); err != nil {
			return err
		}
		sum = g.summary()
		if err := g.finish(tx); err != nil {
			return err
		}
		return s.audit(tx, a, ActionCreate, "demo", 0, nil, fmt.Sprintf(
			"Nạp dữ liệu mẫu từ %s đến %s (seed %d): %d đơn, %d lượt tiếp, %d vụ việc, %d văn bản.",
			sum.From.VN(), sum.To.VN(), o.Seed, sum.Letters, sum.ReceptionVisits, sum.Cases, sum.Documents))
	})
	sum.Duration = time.Since(start)
	if err != nil {
		return DemoSummary{}, err
	}
	sum.BesideWAL = throughWAL
	return sum, nil
}

// ---- Bulk loading -------------------------------------------------------

// demoMaxRows bounds the rows of one INSERT; demoMaxParams keeps a
// statement under SQLite's limit of bound parameters (PostgreSQL allows 65535).
const (
	demoMaxRows   = 1000
	demoMaxParams = 32766
)

// demoTable collects the rows of one table into multi-row INSERTs. Its
// columns and their values come from GORM's schema, so serializers and
// Valuers store exactly what tx.Create would.
type demoTable struct {
	name    string
	fields  []*schema.Field
	perStmt int
	buf     []any
	rows    int
	total   int
	free    chan []any
	stmt    *sql.Stmt // the full-size INSERT, prepared by the writer
	model   any
	indexes []string // dropped for the load, built again after it
	// side holds the positions in fields of the columns the side search
	// index takes (models.SearchSide.Columns), sideBuf their values.
	side    []int
	sideBuf []any
}

// demoBatch is a full (or last) buffer of rows on its way to the writer.
type demoBatch struct {
	t    *demoTable
	args []any
	rows int
}

// demoLoader hands rows from the generator goroutine to the writer, which
// runs them in the caller's transaction: generating and inserting share
// the two cores.
type demoLoader struct {
	ctx    context.Context
	tx     *gorm.DB
	pg     bool
	side   *models.SearchSide
	tables []*demoTable
	out    chan demoBatch
	done   chan struct{} // closed when the writer fails
	err    error         // a value conversion error in the generator
}

func newDemoLoader(ctx context.Context, tx *gorm.DB, side *models.SearchSide, pg bool) *demoLoader {
	return &demoLoader{ctx: ctx, tx: tx, pg: pg, side: side, out: make(chan demoBatch, 8), done: make(chan struct{})}
}

// table prepares the bulk insert of model's table. The indexes that lead
// with one of the random columns are dropped for the load and built again
// after it by sorting: keys in random order (the people index's numbers
// and names) would touch a random page per row, while indexes on dates,
// codes and ids grow at their end and cost less kept up to date.
func (l *demoLoader) table(model any, random ...string) (*demoTable, error) {
	stmt := &gorm.Statement{DB: l.tx}
	if err := stmt.Parse(model); err != nil {
		return nil, err
	}
	t := &demoTable{name: stmt.Schema.Table, free: make(chan []any, 4)}
	for _, name := range stmt.Schema.DBNames {
		f := stmt.Schema.FieldsByDBName[name]
		if !f.Creatable {
			continue
		}
		if f.HasDefaultValue && f.DefaultValueInterface == nil && !f.PrimaryKey {
			// A default computed by the database cannot be left to it row by
			// row in a multi-row INSERT; the generator must set such a column.
			return nil, fmt.Errorf("%s.%s has a database default the demo loader cannot apply", t.name, name)
		}
		t.fields = append(t.fields, f)
	}
	t.perStmt = min(demoMaxRows, demoMaxParams/len(t.fields))
	t.buf = make([]any, 0, t.perStmt*len(t.fields))
	t.model = model
	for _, col := range l.side.Columns(t.name) {
		i := slices.IndexFunc(t.fields, func(f *schema.Field) bool { return f.DBName == col })
		if i < 0 {
			return nil, fmt.Errorf("%s has no column %s for its search index", t.name, col)
		}
		t.side = append(t.side, i)
	}
	m := l.tx.Migrator()
	for _, idx := range stmt.Schema.ParseIndexes() {
		if len(idx.Fields) > 0 && slices.Contains(random, idx.Fields[0].DBName) && m.HasIndex(model, idx.Name) {
			if err := m.DropIndex(model, idx.Name); err != nil {
				return nil, err
			}
			t.indexes = append(t.indexes, idx.Name)
		}
	}
	l.tables = append(l.tables, t)
	return t, nil
}

// buildIndexes creates again the indexes dropped for the load. Building
// one takes seconds, which is no slow query worth a warning; an error is
// returned, not logged.
func (l *demoLoader) buildIndexes() error {
	m := l.tx.Session(&gorm.Session{Logger: logger.Discard}).Migrator()
	for _, t := range l.tables {
		for _, name := range t.indexes {
			if err := m.CreateIndex(t.model, name); err != nil {
				return fmt.Errorf("build index %s: %w", name, err)
			}
		}
	}
	return nil
}

// add appends one record (a pointer to a model) to its table's buffer,
// converted to plain driver values here, in the generator goroutine.
func (l *demoLoader) add(t *demoTable, rec any) {
	rv := reflect.ValueOf(rec)
	for _, f := range t.fields {
		v, zero := f.ValueOf(l.ctx, rv)
		if zero && f.DefaultValueInterface != nil {
			v = f.DefaultValueInterface // as tx.Create would store it
		}
		dv, err := driver.DefaultParameterConverter.ConvertValue(v)
		if err != nil && l.err == nil {
			l.err = fmt.Errorf("%s.%s: %w", t.name, f.DBName, err)
		}
		t.buf = append(t.buf, dv)
	}
	if t.side != nil {
		// The same values the row is inserted with, so that the side index
		// is the one FTS4 would build from the table.
		row := t.buf[len(t.buf)-len(t.fields):]
		for _, i := range t.side {
			t.sideBuf = append(t.sideBuf, row[i])
		}
	}
	t.rows++
	t.total++
	if t.rows == t.perStmt {
		l.flush(t)
	}
}

// flush sends the table's buffer to the writer and takes a fresh one.
func (l *demoLoader) flush(t *demoTable) {
	if t.rows == 0 {
		return
	}
	if len(t.sideBuf) > 0 {
		l.side.Add(t.name, t.sideBuf) // which keeps it
		t.sideBuf = make([]any, 0, cap(t.sideBuf))
	}
	select {
	case l.out <- demoBatch{t, t.buf, t.rows}:
	case <-l.done:
	}
	select {
	case b := <-t.free:
		t.buf = b
	default:
		t.buf = make([]any, 0, t.perStmt*len(t.fields))
	}
	t.rows = 0
}

// stopped reports whether the writer gave up.
func (l *demoLoader) stopped() bool {
	select {
	case <-l.done:
		return true
	default:
		return l.err != nil
	}
}

// run starts gen in a goroutine and writes what it sends until it ends.
func (l *demoLoader) run(gen func() error) error {
	genErr := make(chan error, 1)
	go func() {
		defer close(l.out)
		// The side index optimizes while the writer finishes.
		defer l.side.EndInput()
		err := gen()
		for _, t := range l.tables {
			l.flush(t)
		}
		genErr <- err
	}()
	var err error
	for b := range l.out {
		if err != nil {
			continue // drain until the generator notices
		}
		if err = l.write(b); err != nil {
			close(l.done)
		}
	}
	for _, t := range l.tables {
		if t.stmt != nil {
			_ = t.stmt.Close()
		}
	}
	if gerr := <-genErr; err == nil {
		err = gerr
	}
	if err == nil {
		err = l.err
	}
	if err == nil {
		err = l.buildIndexes()
	}
	return err
}

// write inserts one batch with the table's prepared statement.
func (l *demoLoader) write(b demoBatch) error {
	stmt := b.t.stmt
	if stmt == nil || b.rows != b.t.perStmt {
		s, err := l.tx.Statement.ConnPool.PrepareContext(l.ctx, l.insertSQL(b.t, b.rows))
		if err != nil {
			return fmt.Errorf("prepare insert into %s: %w", b.t.name, err)
		}
		if b.rows == b.t.perStmt {
			b.t.stmt = s
		} else {
			defer s.Close()
		}
		stmt = s
	}
	if _, err := stmt.ExecContext(l.ctx, b.args...); err != nil {
		return fmt.Errorf("insert into %s: %w", b.t.name, err)
	}
	clear(b.args)
	select {
	case b.t.free <- b.args[:0]:
	default:
	}
	return nil
}

// insertSQL is an INSERT of rows rows into t, with the dialect's placeholders.
func (l *demoLoader) insertSQL(t *demoTable, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + l.tx.Statement.Quote(t.name) + " (")
	for i, f := range t.fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(l.tx.Statement.Quote(f.DBName))
	}
	b.WriteString(") VALUES ")
	n := 0
	for r := range rows {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range t.fields {
			if c > 0 {
				b.WriteByte(',')
			}
			n++
			if l.pg {
				b.WriteString("$" + strconv.Itoa(n))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// ---- Texts --------------------------------------------------------------

// demoText is a text with its folded form (models.Fold), so that search
// columns are assembled from folded parts instead of folding each record:
// Fold maps rune by rune and collapses spaces, so the folded parts joined
// by ", " or " " are the fold of the joined text (demo_test.go checks every
// record against PrepareSearch).
type demoText struct{ s, f string }

func newDemoText(s string) demoText { return demoText{s, models.Fold(s)} }

// cat joins two texts with sep, which must fold to itself.
func (a demoText) cat(sep string, b demoText) demoText {
	return demoText{a.s + sep + b.s, a.f + sep + b.f}
}

func demoTexts(ss []string) []demoText {
	out := make([]demoText, len(ss))
	for i, s := range ss {
		out[i] = newDemoText(s)
	}
	return out
}

// demoPlace is a district with its communes.
type demoPlace struct {
	name     demoText
	communes []demoText
	rural    []bool // a xã has hamlets (ấp); wards and towns have quarters
}

// demoDocType is the symbol and titles of one doc type.
type demoDocType struct {
	symbol    demoText
	templates []demoDocTemplate
	subjects  []demoText
}

// demoWords are the word lists with their folded forms, built once.
type demoWords struct {
	surnames                 demoMix[demoText]
	middleMale, middleFemale []demoText
	secondMiddle             []demoText
	givenMale, givenFemale   []demoText
	places                   []demoPlace
	hamlets, quarters        []demoText
	province                 demoText
	outside                  []demoText
	outsideCodes             []string
	// subjects[domain][kind][district][template] lists the template's
	// expansions for the district's places.
	subjects                   [3][3][][][]demoText
	forwarders                 []demoText
	agencies                   [3][]demoText
	ubnd, chairUBND            demoText
	chairTitle, viceTitle      demoText
	delegateTitles             []demoText
	office, councilRoom, venue demoText
	month, year                demoText
	docs                       []demoDocType
	decisionSymbols            [3]demoText // by kind: decision, conclusion, reply
}

var demoWordsOnce = sync.OnceValue(buildDemoWords)

func buildDemoWords() *demoWords {
	w := &demoWords{
		middleMale: demoTexts(demoMiddleMale), middleFemale: demoTexts(demoMiddleFemale),
		secondMiddle: demoTexts(demoSecondMiddle),
		givenMale:    demoTexts(demoGivenMale), givenFemale: demoTexts(demoGivenFemale),
		hamlets: demoTexts(demoHamlets), quarters: demoTexts(demoQuarters),
		province: newDemoText(demoProvince), forwarders: demoTexts(demoForwarders),
		ubnd: newDemoText("UBND"), chairUBND: newDemoText("Chủ tịch UBND"),
		chairTitle: newDemoText(demoChairmanTitle), viceTitle: newDemoText(demoViceChairmanTitle),
		delegateTitles: demoTexts(demoDelegateTitles),
		office:         newDemoText(demoReceptionOffice), councilRoom: newDemoText(demoCouncilRoom),
		venue: newDemoText("Hội trường UBND"), month: newDemoText("tháng"), year: newDemoText("năm"),
		decisionSymbols: [3]demoText{newDemoText("QĐ-UBND"), newDemoText("KL-UBND"), newDemoText("UBND-NC")},
	}
	surnames := make([]demoText, len(demoSurnames))
	weights := make([]int, len(demoSurnames))
	for i, sw := range demoSurnames {
		surnames[i], weights[i] = newDemoText(sw.w), sw.n
	}
	w.surnames = newDemoMix(surnames, weights)
	for _, d := range demoDistricts {
		p := demoPlace{name: newDemoText(d.name), communes: demoTexts(d.communes)}
		for _, c := range d.communes {
			p.rural = append(p.rural, strings.HasPrefix(c, "xã "))
		}
		w.places = append(w.places, p)
	}
	for _, o := range demoOutside {
		w.outside = append(w.outside, newDemoText(o.place))
		w.outsideCodes = append(w.outsideCodes, o.code)
	}
	for di := range demoSubjects {
		for ki := range demoSubjects[di] {
			w.subjects[di][ki] = make([][][]demoText, len(demoDistricts))
			for pi, d := range demoDistricts {
				for _, tpl := range demoSubjects[di][ki] {
					var exp []string
					switch {
					case strings.Contains(tpl, "{xã}"):
						for _, c := range d.communes {
							exp = append(exp, strings.ReplaceAll(tpl, "{xã}", c+", "+d.name))
						}
					default:
						exp = []string{strings.ReplaceAll(tpl, "{huyện}", d.name)}
					}
					w.subjects[di][ki][pi] = append(w.subjects[di][ki][pi], demoTexts(exp))
				}
			}
		}
	}
	for di, list := range demoAgencies {
		w.agencies[di] = demoTexts(list)
	}
	for _, d := range demoDocs {
		dt := demoDocType{symbol: newDemoText(d.symbol), templates: d.templates}
		for _, t := range d.templates {
			dt.subjects = append(dt.subjects, newDemoText(t.subject))
		}
		w.docs = append(w.docs, dt)
	}
	return w
}

// ---- Random choices -----------------------------------------------------

// demoMix draws values by integer weights.
type demoMix[T any] struct {
	vals []T
	cum  []int
}

func newDemoMix[T any](vals []T, weights []int) demoMix[T] {
	m := demoMix[T]{vals: vals, cum: make([]int, len(weights))}
	total := 0
	for i, w := range weights {
		total += w
		m.cum[i] = total
	}
	return m
}

func (m demoMix[T]) draw(r *rand.Rand) T {
	n := r.IntN(m.cum[len(m.cum)-1])
	for i, c := range m.cum {
		if n < c {
			return m.vals[i]
		}
	}
	return m.vals[len(m.vals)-1]
}

// The orders of domains and kinds that index demoSubjects and demoAgencies.
var (
	demoDomains = []models.Domain{models.DomainLand, models.DomainCivil, models.DomainOther}
	demoKinds   = []models.Kind{models.KindComplaint, models.KindDenunciation, models.KindPetition}
)

// The mixes of the May 2022 report (domain.md) and of an office's year.
var (
	demoSourceMix = newDemoMix(models.Sources(), []int{78, 7, 5, 6, 3, 1}) // post, in person, reception, forwarded, online, hotline
	demoDomainMix = newDemoMix([]int{0, 1, 2}, []int{73, 12, 15})
	demoKindMix   = newDemoMix([]int{0, 1, 2}, []int{60, 7, 33})
	// guided, transferred, urged, accepted, returned, filed
	demoOutcomeMix = newDemoMix(models.Outcomes(), []int{25, 22, 2, 3, 1, 47})
	demoVisitKinds = newDemoMix([]int{0, 1, 2}, []int{55, 7, 38})
	// guided, letter received, transferred, accepted, refused, other
	demoVisitOutcomes = newDemoMix([]models.VisitOutcome{models.VisitOutcomeGuided, models.VisitOutcomeLetterReceived,
		models.VisitOutcomeTransferred, models.VisitOutcomeAccepted, models.VisitOutcomeRefused, models.VisitOutcomeOther},
		[]int{45, 30, 10, 4, 2, 9})
	demoPeople = newDemoMix([]int{1, 2, 3, 4}, []int{75, 15, 7, 3})
	// decision, official letter, report, plan, notice, minutes, other
	demoDocTypeMix   = newDemoMix([]int{0, 1, 2, 3, 4, 5, 6}, []int{14, 55, 9, 4, 9, 6, 3})
	demoChairVisits  = newDemoMix([]int{1, 2, 3}, []int{50, 35, 15})
	demoAdhocHosts   = newDemoMix([]models.HostLevel{models.HostLevelChairman, models.HostLevelViceChairman, models.HostLevelDelegate}, []int{40, 45, 15})
	demoFirstResults = newDemoMix([]models.CaseResult{models.CaseResultCorrect, models.CaseResultIncorrect, models.CaseResultPartlyCorrect}, []int{20, 55, 25})
	demoSecondResult = newDemoMix([]models.CaseResult{models.CaseResultUpheld, models.CaseResultOverturned}, []int{75, 25})
	demoTrue         = true
	demoFalse        = false
)

// demoTopic is the official content class of a classified letter.
func demoTopic(r *rand.Rand, domain, kind int) models.Topic {
	switch {
	case domain == 0:
		return models.TopicLandHousing
	case domain == 1:
		return models.TopicJudicial
	case kind == 0:
		return []models.Topic{models.TopicPolicy, models.TopicAdminOther}[r.IntN(2)]
	case kind == 1:
		return []models.Topic{models.TopicCorruption, models.TopicCivilService, models.TopicParty}[r.IntN(3)]
	}
	return []models.Topic{models.TopicPolicy, models.TopicAdminOther, models.TopicOther}[r.IntN(3)]
}

// demoRing keeps the last records of a kind, for repeat visits, duplicate
// letters and the cases of meetings.
type demoRing[T any] struct {
	items []T
	next  int
}

func (g *demoRing[T]) push(x T) {
	if len(g.items) < cap(g.items) {
		g.items = append(g.items, x)
		return
	}
	g.items[g.next] = x
	g.next = (g.next + 1) % len(g.items)
}

// recent returns the i-th most recent item (0 is the last pushed).
func (g *demoRing[T]) recent(i int) T {
	n := len(g.items)
	if n < cap(g.items) {
		return g.items[n-1-i]
	}
	return g.items[(g.next-1-i+2*n)%n]
}

// pick returns one of the last window items, uniformly.
func (g *demoRing[T]) pick(r *rand.Rand, window int) T {
	return g.recent(r.IntN(min(window, len(g.items))))
}

// ---- The generator ------------------------------------------------------

// demoPerson is a citizen of the people index, with the folded identity
// that search matches and the match keys of the index (models.KeysOf).
type demoPerson struct {
	p        models.Person
	citizen  uint
	ident    string
	addr     string // the folded address, which co-signers share
	nameKey  string
	addrKey  string
	idNumber string
}

// demoCase is what later records need of a case.
type demoCase struct {
	id           uint
	domain, kind int
	district     int
	person       demoPerson
	title        demoText
}

// demoLetterRef is what a duplicate repeats of an earlier letter, and
// what a case opened for a letter takes from it.
type demoLetterRef struct {
	id               uint
	people           []demoPerson
	senders          []models.Person
	ident            string
	subject          demoText
	domain, kind     int
	district, signed int
}

// demoLeaders are the leaders of one five-year term, invented.
type demoLeaders struct {
	chairman demoText
	vice     []demoText
	delegate []demoText
}

// demoSessionPlan is a reception session planned for a day.
type demoSessionPlan struct {
	typ    models.SessionType
	level  models.HostLevel
	host   int
	visits int
	groups bool
}

// demoDay is one day of the span and what happens on it.
type demoDay struct {
	date      models.Date
	working   bool
	letters   int
	visits    int
	documents int
	dialogues int
	councils  int
	sessions  []demoSessionPlan
}

// demoIDBucket is the part of a CCCD number before its six serial digits.
type demoIDBucket struct {
	code     string
	sex, age int
}

// demoGen makes the records, day by day, in one goroutine, so the same
// seed gives the same rows.
type demoGen struct {
	ctx       context.Context
	l         *demoLoader
	w         *demoWords
	r         *rand.Rand
	o         DemoOptions
	today     models.Date
	from, to  models.Date
	cal       *models.Calendar
	rules     models.DeadlineRules
	dueDays   int
	groupSize int
	loc       *time.Location
	by        uint
	letters   *demoTable
	cases     *demoTable
	sessions  *demoTable
	visits    *demoTable
	dialogues *demoTable
	dlgCases  *demoTable
	councils  *demoTable
	cnlCases  *demoTable
	documents *demoTable
	people    *demoTable
	links     *demoTable
	id        struct {
		letter, kase, session, visit, dialogue, council, document, citizen, link uint
	}
	seq        map[int]int
	docNo      map[[2]int]int
	serials    map[demoIDBucket]int
	recent     demoRing[demoCase]
	earlier    demoRing[demoLetterRef]
	leaders    map[int]demoLeaders
	fromVisits []uint // letters received today through reception, for visits that took them
	// after holds the next working days after the day being generated.
	after []models.Date
}

// The office's mix besides the vocabulary shares: how long letters may
// still wait, the shares of repeat and group visits, and the visits and
// documents per letter.
const (
	demoPendingDays   = 15
	demoRepeatVisits  = 0.2
	demoGroupVisits   = 0.03
	demoVisitsPerLtr  = 0.4
	demoDocsPerLetter = 0.5
)

func (s *Service) newDemoGen(ctx context.Context, tx *gorm.DB, side *models.SearchSide, o DemoOptions, today models.Date, a Actor) (*demoGen, error) {
	g := &demoGen{ctx: ctx, l: newDemoLoader(ctx, tx, side, !s.sqlite), w: demoWordsOnce(), o: o, today: today,
		r:   rand.New(rand.NewPCG(uint64(o.Seed), 0x6b6e7463)),
		cal: s.calendarIn(tx), rules: s.cfg.Deadlines, dueDays: s.cfg.HandlingWorkingDays,
		groupSize: max(s.cfg.GroupSize, 2), loc: s.cfg.Location, by: a.ID,
		seq: map[int]int{}, docNo: map[[2]int]int{}, serials: map[demoIDBucket]int{}, leaders: map[int]demoLeaders{},
		recent:  demoRing[demoCase]{items: make([]demoCase, 0, 512)},
		earlier: demoRing[demoLetterRef]{items: make([]demoLetterRef, 0, 256)}}
	g.from = models.NewDate(o.FromYear, time.January, 1)
	g.to = models.NewDate(o.ToYear, time.December, 31)
	if g.to.After(today) {
		g.to = today
	}
	if g.by == 0 {
		var ids []uint
		if err := tx.Model(&models.User{}).Where("role = ?", models.RoleAdmin).Order("id").Limit(1).Pluck("id", &ids).Error; err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			g.by = ids[0]
		}
	}
	tables := []struct {
		t      **demoTable
		model  any
		next   *uint
		random []string
	}{
		{&g.letters, &models.Letter{}, &g.id.letter, nil}, {&g.cases, &models.Case{}, &g.id.kase, nil},
		{&g.sessions, &models.ReceptionSession{}, &g.id.session, nil},
		{&g.visits, &models.ReceptionVisit{}, &g.id.visit, nil},
		{&g.dialogues, &models.Dialogue{}, &g.id.dialogue, nil}, {&g.dlgCases, &models.DialogueCase{}, nil, nil},
		{&g.councils, &models.CouncilMeeting{}, &g.id.council, nil},
		{&g.cnlCases, &models.CouncilMeetingCase{}, nil, nil},
		{&g.documents, &models.Document{}, &g.id.document, nil},
		{&g.people, &models.Citizen{}, &g.id.citizen, nil},
		{&g.links, &models.PersonLink{}, &g.id.link, []string{"id_number", "phone", "name_key"}},
	}
	for _, t := range tables {
		var err error
		if *t.t, err = g.l.table(t.model, t.random...); err != nil {
			return nil, err
		}
		if t.next != nil {
			// Ids are given here, so that records can name each other before
			// the rows reach the database; they continue after existing rows.
			if err := tx.Unscoped().Model(t.model).Select("COALESCE(MAX(id), 0)").Scan(t.next).Error; err != nil {
				return nil, err
			}
		}
	}
	return g, nil
}

// summary counts the rows written.
func (g *demoGen) summary() DemoSummary {
	return DemoSummary{From: g.from, To: g.to, Letters: g.letters.total, Cases: g.cases.total,
		ReceptionSessions: g.sessions.total, ReceptionVisits: g.visits.total,
		Dialogues: g.dialogues.total, DialogueCases: g.dlgCases.total,
		CouncilMeetings: g.councils.total, CouncilMeetingCases: g.cnlCases.total, Documents: g.documents.total,
		People: g.people.total, PersonLinks: g.links.total}
}

// finish sets the letter counters to the last number of each year, so
// later registrations continue the sequence, and on PostgreSQL moves the
// id sequences past the ids given here.
func (g *demoGen) finish(tx *gorm.DB) error {
	var counters []models.LetterCounter
	for _, y := range slices.Sorted(maps.Keys(g.seq)) {
		counters = append(counters, models.LetterCounter{Year: y, Last: g.seq[y]})
	}
	err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "year"}},
		DoUpdates: clause.AssignmentColumns([]string{"last"})}).Create(&counters).Error
	if err != nil || !g.l.pg {
		return err
	}
	for _, t := range []*demoTable{g.letters, g.cases, g.sessions, g.visits, g.dialogues, g.councils, g.documents, g.people, g.links} {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM %s), false)",
			t.name, tx.Statement.Quote(t.name))
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// generate plans the days, then makes each day's records in date order.
func (g *demoGen) generate() error {
	days := g.plan()
	for i := range days {
		if g.l.stopped() {
			break
		}
		if err := g.ctx.Err(); err != nil {
			return err
		}
		g.day(&days[i])
	}
	return nil
}

// plan spreads the letters over the days (working days weigh more) and
// sets, month by month, the visits, sessions, meetings and documents.
func (g *demoGen) plan() []demoDay {
	var days []demoDay
	var weights []float64
	for d := g.from; !d.After(g.to); d = d.AddDays(1) {
		working := g.cal.IsWorkingDay(d)
		w := 0.12
		if working {
			w = 1
		}
		days = append(days, demoDay{date: d, working: working})
		weights = append(weights, w*(0.7+0.6*g.r.Float64()))
	}
	for i, n := range demoApportion(g.o.Letters, weights) {
		days[i].letters = n
	}
	for start := 0; start < len(days); {
		end := start
		for end < len(days) && days[end].date.Month() == days[start].date.Month() && days[end].date.Year() == days[start].date.Year() {
			end++
		}
		g.planMonth(days[start:end])
		start = end
	}
	return days
}

// planMonth plans one month (or the part of it in the span).
func (g *demoGen) planMonth(month []demoDay) {
	r := g.r
	var working []int
	letters := 0
	for i, d := range month {
		letters += d.letters
		if d.working {
			working = append(working, i)
		}
	}
	if len(working) == 0 {
		return
	}
	// The chairman receives citizens once a month, on the 15th or the next
	// working day; a vice-chairman sometimes too, and some receptions are
	// ad hoc, often for a group delegation.
	sessionVisits := 0
	addSession := func(i int, p demoSessionPlan) {
		month[i].sessions = append(month[i].sessions, p)
		sessionVisits += p.visits
	}
	if i := slices.IndexFunc(working, func(i int) bool { return month[i].date.Day() >= 15 }); i >= 0 {
		addSession(working[i], demoSessionPlan{typ: models.SessionTypePeriodic, level: models.HostLevelChairman,
			visits: demoChairVisits.draw(r)})
	}
	if late := slices.DeleteFunc(slices.Clone(working), func(i int) bool { return month[i].date.Day() < 20 }); len(late) > 0 && r.Float64() < 0.35 {
		addSession(late[r.IntN(len(late))], demoSessionPlan{typ: models.SessionTypePeriodic,
			level: models.HostLevelViceChairman, host: r.IntN(3), visits: 1 + r.IntN(4)})
	}
	if r.Float64() < 0.15 {
		addSession(working[r.IntN(len(working))], demoSessionPlan{typ: models.SessionTypeAdhoc, level: demoAdhocHosts.draw(r),
			host: r.IntN(3), visits: 1 + r.IntN(2), groups: r.Float64() < 0.5})
	}
	jitter := func() float64 { return 0.85 + 0.3*r.Float64() }
	spread := func(n int, set func(*demoDay, int)) {
		w := make([]float64, len(working))
		for i := range w {
			w[i] = 0.6 + 0.8*r.Float64()
		}
		for i, k := range demoApportion(n, w) {
			set(&month[working[i]], k)
		}
	}
	spread(max(g.round(demoVisitsPerLtr*float64(letters)*jitter())-sessionVisits, 0), func(d *demoDay, n int) { d.visits = n })
	spread(g.round(demoDocsPerLetter*float64(letters)*jitter()), func(d *demoDay, n int) { d.documents = n })
	// About three dialogues and two council meetings a month, fewer in a
	// month the span only partly covers.
	share := float64(len(working)) / float64(g.workingDaysOfMonth(month[0].date))
	for range g.round(3 * share * (0.6 + 0.8*r.Float64())) {
		month[working[r.IntN(len(working))]].dialogues++
	}
	for range g.round(2 * share * (0.6 + 0.8*r.Float64())) {
		month[working[r.IntN(len(working))]].councils++
	}
}

func (g *demoGen) workingDaysOfMonth(d models.Date) int {
	n := 0
	for day := models.NewDate(d.Year(), d.Month(), 1); day.Month() == d.Month(); day = day.AddDays(1) {
		if g.cal.IsWorkingDay(day) {
			n++
		}
	}
	return max(n, 1)
}

// round rounds x up with the probability of its fraction, so that small
// expected counts keep their mean.
func (g *demoGen) round(x float64) int {
	n := int(math.Floor(x))
	if g.r.Float64() < x-float64(n) {
		n++
	}
	return n
}

// demoApportion divides n into parts proportional to w, summing exactly to n.
func demoApportion(n int, w []float64) []int {
	out := make([]int, len(w))
	total := 0.0
	for _, x := range w {
		total += x
	}
	if total == 0 || len(w) == 0 {
		return out
	}
	acc, prev := 0.0, 0
	for i, x := range w {
		acc += x
		cur := min(int(math.Round(float64(n)*acc/total)), n)
		out[i] = cur - prev
		prev = cur
	}
	out[len(out)-1] += n - prev
	return out
}

// day makes one day's records: letters first, so that visits can link the
// letters they received; then sessions and visits; meetings; documents.
func (g *demoGen) day(d *demoDay) {
	g.after = g.after[:0]
	for day := d.date; len(g.after) < 25; {
		day = day.AddDays(1)
		if g.cal.IsWorkingDay(day) {
			g.after = append(g.after, day)
		}
	}
	g.fromVisits = g.fromVisits[:0]
	due := g.cal.AddWorkingDays(d.date, g.dueDays)
	for range d.letters {
		g.letter(d, due)
	}
	for _, p := range d.sessions {
		g.session(d, p)
	}
	for range d.visits {
		g.visit(d, models.VisitTypeRegular, nil, g.r.Float64() < demoGroupVisits)
	}
	for range d.dialogues {
		g.meeting(d, false)
	}
	for range d.councils {
		g.meeting(d, true)
	}
	for range d.documents {
		g.document(d)
	}
}

// at is the UTC instant of minute m of date d in the office's time zone.
func (g *demoGen) at(d models.Date, m int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, m, 0, 0, g.loc).UTC()
}

// officeTime is a random minute of office hours on d.
func (g *demoGen) officeTime(d models.Date) time.Time { return g.at(d, 7*60+30+g.r.IntN(9*60)) }

// laterTime is a moment on d after created (on d or before).
func (g *demoGen) laterTime(d models.Date, created time.Time) time.Time {
	t := g.officeTime(d)
	if !t.After(created) {
		t = created.Add(time.Duration(1+g.r.IntN(120)) * time.Minute)
	}
	return t
}

// name draws a Vietnamese full name.
func (g *demoGen) name(r *rand.Rand, female bool) demoText {
	w := g.w
	middle, given := w.middleMale, w.givenMale
	if female {
		middle, given = w.middleFemale, w.givenFemale
	}
	n := w.surnames.draw(r).cat(" ", middle[r.IntN(len(middle))])
	if r.Float64() < 0.12 {
		n = n.cat(" ", w.secondMiddle[r.IntN(len(w.secondMiddle))])
	}
	return n.cat(" ", given[r.IntN(len(given))])
}

// address draws a home address; district is -1 outside the province.
func (g *demoGen) address() (addr demoText, district int, code string) {
	r, w := g.r, g.w
	if r.Float64() < 0.08 {
		i := r.IntN(len(w.outside))
		return w.quarters[r.IntN(len(w.quarters))].cat(", ", w.outside[i]), -1, w.outsideCodes[i]
	}
	district = r.IntN(len(w.places))
	p := w.places[district]
	c := r.IntN(len(p.communes))
	local := w.quarters[r.IntN(len(w.quarters))]
	if p.rural[c] {
		local = w.hamlets[r.IntN(len(w.hamlets))]
	}
	return local.cat(", ", p.communes[c]).cat(", ", p.name).cat(", ", w.province), district, demoProvinceCode
}

// person draws a new citizen, first named on a record created at: a CCCD
// number (province, century and sex, year of birth, six serial digits,
// unique within the first six), mostly a phone and rarely an email.
func (g *demoGen) person(at time.Time) (demoPerson, int) {
	r := g.r
	female := r.Float64() < 0.42
	name := g.name(r, female)
	addr, district, code := g.address()
	born := 1940 + r.IntN(65)
	b := demoIDBucket{code: code, age: born % 100}
	if born >= 2000 {
		b.sex = 2
	}
	if female {
		b.sex++
	}
	g.serials[b]++
	// A multiplier prime to 10^6 spreads the serials like random digits
	// without ever repeating one.
	serial := (g.serials[b]*387_233 + 104_729) % 1_000_000
	p := models.Person{FullName: name.s, Address: addr.s, IDNumber: fmt.Sprintf("%s%d%02d%06d", code, b.sex, b.age, serial)}
	ident := name.f + " " + p.IDNumber
	if r.Float64() < 0.85 {
		p.Phone = demoMobilePrefixes[r.IntN(len(demoMobilePrefixes))] + fmt.Sprintf("%07d", r.IntN(10_000_000))
		ident += " " + p.Phone
	}
	if r.Float64() < 0.04 {
		p.Email = strings.ReplaceAll(name.f, " ", "") + strconv.Itoa(born) + "@gmail.com" // not searched
	}
	dp := demoPerson{p: p, ident: ident + " " + addr.f, addr: addr.f, nameKey: name.f, addrKey: demoWordsKey(addr.f),
		idNumber: p.IDNumber}
	g.citizen(&dp, at)
	return dp, district
}

// coSigner is another signer of a letter, a neighbour named with an address only.
func (g *demoGen) coSigner(first demoPerson, at time.Time) demoPerson {
	name := g.name(g.r, g.r.Float64() < 0.42)
	p := demoPerson{p: models.Person{FullName: name.s, Address: first.p.Address}, ident: name.f + " " + first.addr,
		addr: first.addr, nameKey: name.f, addrKey: first.addrKey}
	g.citizen(&p, at)
	return p
}

// citizen adds p to the people index as a new citizen.
func (g *demoGen) citizen(p *demoPerson, at time.Time) {
	g.id.citizen++
	p.citizen = g.id.citizen
	g.l.add(g.people, &models.Citizen{ID: p.citizen, CreatedAt: at})
}

// demoWordsKey is models.FoldWords of an already folded text: its letters
// and digits, one space between words (demo_test.go checks every key
// against models.KeysOf).
func demoWordsKey(folded string) string {
	return strings.Join(strings.FieldsFunc(folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// link names p on a record in the people index, as indexPeople would.
func (g *demoGen) link(entity string, id uint, position int, on models.Date, kind models.Kind, p demoPerson) {
	g.id.link++
	g.l.add(g.links, &models.PersonLink{ID: g.id.link, PersonID: p.citizen, Entity: entity, RecordID: id,
		Position: position, On: on, Protected: kind == models.KindDenunciation, Creator: g.by,
		FullName: p.p.FullName, IDNumber: p.idNumber, Phone: p.p.Phone, Address: p.p.Address,
		NameKey: p.nameKey, AddressKey: p.addrKey})
}

// subject draws a letter's subject for the district (a random one for -1).
func (g *demoGen) subject(domain, kind, district int) demoText {
	if district < 0 {
		district = g.r.IntN(len(g.w.places))
	}
	tpls := g.w.subjects[domain][kind][district]
	exp := tpls[g.r.IntN(len(tpls))]
	return exp[g.r.IntN(len(exp))]
}

// letter registers one letter received on d, classified and handled as a
// real office would have by today.
func (g *demoGen) letter(d *demoDay, due models.Date) {
	r, w := g.r, g.w
	g.id.letter++
	y := d.date.Year()
	g.seq[y]++
	l := models.Letter{Code: models.LetterCode(y, g.seq[y]), Year: y, Seq: g.seq[y], HandlingDueOn: due}
	l.ID, l.CreatedBy, l.ReceivedOn = g.id.letter, g.by, d.date
	l.CreatedAt = g.officeTime(d.date)
	l.UpdatedAt, l.Version = l.CreatedAt, 1
	l.Source = demoSourceMix.draw(r)
	var forwarder demoText
	if l.Source == models.SourceForwarded {
		forwarder = w.forwarders[r.IntN(len(w.forwarders))]
		l.ForwardedFrom = forwarder.s
	}
	outcome := demoOutcomeMix.draw(r)
	domain, kind := demoDomainMix.draw(r), demoKindMix.draw(r)
	var ref demoLetterRef
	switch {
	case r.Float64() < 0.015:
		// Anonymous letters (đơn nặc danh), mostly denunciations, are filed.
		l.Anonymous, l.Senders, l.SignerCount, outcome = true, []models.Person{}, 1, models.OutcomeFiled
		if r.Float64() < 0.6 {
			kind = 1
		}
		ref = demoLetterRef{subject: g.subject(domain, kind, -1), domain: domain, kind: kind, district: -1}
	case outcome == models.OutcomeFiled && len(g.earlier.items) > 0 && r.Float64() < 0.12:
		// A repeated letter of an earlier sender is filed as a duplicate.
		ref = g.earlier.pick(r, 256)
		l.DuplicateOfID = &ref.id
		domain, kind = ref.domain, ref.kind
		l.Senders, l.SignerCount = ref.senders, ref.signed
	default:
		first, district := g.person(l.CreatedAt)
		ref = demoLetterRef{people: []demoPerson{first}, senders: []models.Person{first.p}, ident: first.ident,
			domain: domain, kind: kind, district: district, signed: 1}
		if x := r.Float64(); x < 0.04 {
			ref.signed = 5 + r.IntN(6)
		} else if x < 0.1 {
			ref.signed = 2 + r.IntN(3)
		}
		for range min(ref.signed, 3) - 1 {
			co := g.coSigner(first, l.CreatedAt)
			ref.people = append(ref.people, co)
			ref.senders = append(ref.senders, co.p)
			ref.ident += " | " + co.ident
		}
		ref.subject = g.subject(domain, kind, district)
		l.Senders, l.SignerCount = ref.senders, ref.signed
		ref.id = l.ID
		g.earlier.push(ref)
	}
	l.Subject = ref.subject.s
	if l.Source == models.SourceReception {
		g.fromVisits = append(g.fromVisits, l.ID)
	}
	l.Status = models.LetterStatusRegistered
	age := d.date.DaysUntil(g.today)
	pending := age < demoPendingDays && r.Float64() < 0.9*float64(demoPendingDays-age)/demoPendingDays
	if !pending || (age > 0 && r.Float64() < 0.5) {
		l.Status, l.Version = models.LetterStatusClassified, 2
		l.Domain, l.Kind, l.Topic = demoDomains[domain], demoKinds[kind], demoTopic(r, domain, kind)
		l.Eligible, l.Competent = &demoTrue, &demoFalse
		if l.DuplicateOfID != nil || l.Anonymous || outcome == models.OutcomeFiled || outcome == models.OutcomeReturned {
			l.Eligible = &demoFalse
		}
		l.ClassifiedOn = d.date.AddDays(r.IntN(min(age, 2) + 1))
		l.UpdatedAt = g.laterTime(l.ClassifiedOn, l.CreatedAt)
	}
	search := l.Code + " " + ref.subject.f
	if forwarder.s != "" {
		search += " " + forwarder.f
	}
	if !pending {
		g.handle(&l, d, outcome, ref, &search)
	}
	l.SearchText, l.SearchIdentity = search, ref.ident
	g.l.add(g.letters, &l)
	for i, p := range ref.people {
		g.link(models.EntityLetter, l.ID, i, l.ReceivedOn, l.Kind, p)
	}
}

// handle records the handling of a letter some working days after receipt.
func (g *demoGen) handle(l *models.Letter, d *demoDay, outcome models.Outcome, ref demoLetterRef, search *string) {
	r, w := g.r, g.w
	k := 0
	switch x := r.Float64(); {
	case x < 0.1 && d.working:
	case x < 0.6:
		k = 1 + r.IntN(5)
	case x < 0.92:
		k = 6 + r.IntN(5)
	default:
		k = 11 + r.IntN(10) // handled late
	}
	handled := d.date
	if k > 0 {
		handled = g.after[k-1]
	}
	if handled.After(g.today) {
		handled = g.today
	}
	if l.ClassifiedOn.After(handled) {
		l.ClassifiedOn = handled
	}
	l.Outcome, l.HandledOn, l.Status, l.Version = outcome, handled, models.LetterStatusHandled, 3
	l.UpdatedAt = g.laterTime(handled, l.CreatedAt)
	switch outcome {
	case models.OutcomeAccepted:
		l.Competent = &demoTrue
		if len(ref.people) > 0 {
			c := g.openCase(handled, ref.domain, ref.kind, ref.people[0], ref.subject, max(ref.district, 0), handled)
			l.CaseID = &c.id
		}
	case models.OutcomeTransferred:
		agencies := w.agencies[ref.domain]
		to := w.ubnd.cat(" ", w.places[r.IntN(len(w.places))].name)
		if ref.district >= 0 && r.Float64() < 0.6 {
			to = w.ubnd.cat(" ", w.places[ref.district].name)
		} else if r.Float64() < 0.7 {
			to = agencies[r.IntN(len(agencies))]
		}
		l.TransferredTo = to.s
		*search += " " + to.f
		if reply := handled.AddDays(10 + r.IntN(50)); r.Float64() < 0.45 && !reply.After(g.today) {
			l.ReplyReceivedOn, l.Version = reply, 4
			l.UpdatedAt = g.laterTime(reply, l.CreatedAt)
		}
	}
}

// openCase opens a case on opened and carries it through the workflow as
// far as its age allows: taken in hand a few days later (accepted, thụ lý,
// for complaints and denunciations) unless accepted is given; resolved by a
// decision, conclusion or reply, mostly within the legal time, for most
// older cases; then sometimes closed. Some are withdrawn instead.
func (g *demoGen) openCase(opened models.Date, domain, kind int, person demoPerson, title demoText, district int, accepted models.Date) demoCase {
	r, w := g.r, g.w
	g.id.kase++
	c := models.Case{CaseFields: models.CaseFields{Title: title.s, Kind: demoKinds[kind], Domain: demoDomains[domain],
		Petitioner: person.p, Status: models.CaseStatusOpen, Complexity: models.ComplexityNormal}}
	c.ID, c.CreatedBy, c.Version = g.id.kase, g.by, 1
	c.CreatedAt = g.officeTime(opened)
	c.UpdatedAt = c.CreatedAt
	search := title.f
	var respondent demoText
	switch kind {
	case 0:
		respondent = w.ubnd.cat(" ", w.places[district].name)
		c.Instance = models.InstanceFirst
		if r.Float64() < 0.2 {
			c.Instance = models.InstanceSecond
		}
	case 1:
		p := w.places[district]
		respondent = w.chairUBND.cat(" ", p.communes[r.IntN(len(p.communes))])
	}
	if kind != 2 {
		switch x := r.Float64(); {
		case x < 0.03 && kind == 1:
			c.Complexity = models.ComplexityEspeciallyComplex
		case x < 0.15:
			c.Complexity = models.ComplexityComplex
		}
		c.RemoteArea = r.Float64() < 0.05
	}
	if respondent.s != "" {
		c.Respondent = respondent.s
		search += " " + respondent.f
	}
	age := opened.DaysUntil(g.today)
	start := accepted
	if start.IsZero() && age > 10 && r.Float64() < 0.8 {
		start = opened.AddDays(3 + r.IntN(8))
	}
	resolvedShare := 0.98
	switch {
	case age < 45:
		resolvedShare = 0.2
	case age < 120:
		resolvedShare = 0.6
	case age < 365:
		resolvedShare = 0.9
	}
	switch {
	case !start.IsZero():
		if kind != 2 {
			c.AcceptedOn = start
		}
		c.Status, c.Version = models.CaseStatusInProgress, 2
		c.UpdatedAt = g.laterTime(start, c.CreatedAt)
		decided := start.AddDays(15 + r.IntN(31))
		if due := models.ResolutionDeadline(&c, g.cal, g.rules).Due; !due.IsZero() {
			span := start.DaysUntil(due)
			decided = start.AddDays(span/3 + r.IntN(span-span/3+1))
			if r.Float64() < 0.1 {
				decided = due.AddDays(1 + r.IntN(30)) // resolved late
			}
		}
		if r.Float64() < resolvedShare && !decided.After(g.today) {
			n := strconv.Itoa(100 + r.IntN(3000))
			symbol := w.decisionSymbols[kind]
			c.Status, c.DecisionOn, c.DecisionNumber, c.Version = models.CaseStatusResolved, decided, n+"/"+symbol.s, 3
			c.Result = g.result(kind, c.Instance)
			search += " " + n + "/" + symbol.f
			c.UpdatedAt = g.laterTime(decided, c.CreatedAt)
			if closed := decided.AddDays(30 + r.IntN(60)); r.Float64() < 0.3 && !closed.After(g.today) {
				c.Status, c.Version = models.CaseStatusClosed, 4
				c.UpdatedAt = g.laterTime(closed, c.CreatedAt)
			}
		}
	case age > 30 && r.Float64() < 0.3:
		// Withdrawn after an explanation (rút đơn), sometimes then closed.
		c.Status, c.Version = models.CaseStatusWithdrawn, 2
		if r.Float64() < 0.4 {
			c.Status, c.Version = models.CaseStatusClosed, 3
		}
		c.UpdatedAt = g.laterTime(opened.AddDays(min(age, 10+r.IntN(20))), c.CreatedAt)
	}
	c.ResolutionDueOn = models.ResolutionDeadline(&c, g.cal, g.rules).Due
	c.SearchText, c.SearchIdentity = search, person.ident
	g.l.add(g.cases, &c)
	on := c.AcceptedOn
	if on.IsZero() {
		on = opened
	}
	g.link(models.EntityCase, c.ID, 0, on, c.Kind, person)
	dc := demoCase{id: c.ID, domain: domain, kind: kind, district: district, person: person, title: title}
	g.recent.push(dc)
	return dc
}

// result is the outcome of a resolved complaint or denunciation.
func (g *demoGen) result(kind int, instance models.Instance) models.CaseResult {
	switch {
	case kind == 2:
		return ""
	case instance == models.InstanceSecond:
		return demoSecondResult.draw(g.r)
	}
	return demoFirstResults.draw(g.r)
}

// leadersOf returns the invented leaders of the term that includes year.
func (g *demoGen) leadersOf(year int) demoLeaders {
	term := int(math.Floor(float64(year-2016) / 5))
	if l, ok := g.leaders[term]; ok {
		return l
	}
	r := rand.New(rand.NewPCG(uint64(g.o.Seed), uint64(term+1000)))
	var l demoLeaders
	l.chairman = g.name(r, r.Float64() < 0.2)
	for range 3 {
		l.vice = append(l.vice, g.name(r, r.Float64() < 0.3))
	}
	for range g.w.delegateTitles {
		l.delegate = append(l.delegate, g.name(r, r.Float64() < 0.3))
	}
	g.leaders[term] = l
	return l
}

// session holds a leader's reception and its visits.
func (g *demoGen) session(d *demoDay, p demoSessionPlan) {
	w := g.w
	lead := g.leadersOf(d.date.Year())
	g.id.session++
	s := models.ReceptionSession{SessionFields: models.SessionFields{HeldOn: d.date, Type: p.typ, HostLevel: p.level,
		HostName: lead.chairman.s, HostTitle: w.chairTitle.s, Location: w.office.s}}
	switch p.level {
	case models.HostLevelViceChairman:
		s.HostName, s.HostTitle = lead.vice[p.host%len(lead.vice)].s, w.viceTitle.s
	case models.HostLevelDelegate:
		i := p.host % len(lead.delegate)
		s.HostName, s.HostTitle = lead.delegate[i].s, w.delegateTitles[i].s
	}
	s.ID, s.CreatedBy, s.Version = g.id.session, g.by, 1
	s.CreatedAt = g.at(d.date, 7*60+g.r.IntN(60))
	s.UpdatedAt = s.CreatedAt
	s.PrepareSearch()
	g.l.add(g.sessions, &s)
	id := s.ID
	for range p.visits {
		g.visit(d, models.VisitType(p.typ), &id, p.groups && g.r.Float64() < 0.6)
	}
}

// visit receives a citizen or a delegation; most open a new case, some
// come back about an earlier one.
func (g *demoGen) visit(d *demoDay, typ models.VisitType, session *uint, group bool) {
	r := g.r
	at := g.officeTime(d.date)
	var c demoCase
	if len(g.recent.items) > 0 && r.Float64() < demoRepeatVisits {
		c = g.recent.pick(r, 400)
	} else {
		kind, domain := demoVisitKinds.draw(r), demoDomainMix.draw(r)
		person, district := g.person(at)
		c = g.openCase(d.date, domain, kind, person, g.subject(domain, kind, district), max(district, 0), models.Date{})
	}
	g.id.visit++
	v := models.ReceptionVisit{VisitFields: models.VisitFields{VisitedOn: d.date, Type: typ, Channel: models.ChannelInPerson,
		SessionID: session, PeopleCount: demoPeople.draw(r), Representative: c.person.p,
		Kind: demoKinds[c.kind], Domain: demoDomains[c.domain], Content: c.title.s, CaseID: &c.id,
		Outcome: demoVisitOutcomes.draw(r)}}
	if group {
		v.PeopleCount = g.groupSize + r.IntN(11)
	}
	if typ == models.VisitTypeRegular && !group && r.Float64() < 0.05 {
		v.Channel = models.ChannelOnline
	}
	if v.Outcome == models.VisitOutcomeLetterReceived && len(g.fromVisits) > 0 {
		id := g.fromVisits[len(g.fromVisits)-1]
		g.fromVisits = g.fromVisits[:len(g.fromVisits)-1]
		v.LetterID = &id
	}
	v.ID, v.CreatedBy, v.Version = g.id.visit, g.by, 1
	v.CreatedAt, v.UpdatedAt = at, at
	v.SearchText, v.SearchIdentity = c.title.f, c.person.ident
	g.l.add(g.visits, &v)
	g.link(models.EntityVisit, v.ID, 0, v.VisitedOn, v.Kind, c.person)
}

// meeting holds a dialogue or a council meeting over several recent cases.
func (g *demoGen) meeting(d *demoDay, council bool) {
	r, w := g.r, g.w
	if len(g.recent.items) == 0 {
		return
	}
	lead := g.leadersOf(d.date.Year())
	chair := lead.vice[r.IntN(len(lead.vice))].s + ", " + w.viceTitle.s
	f := models.MeetingFields{HeldOn: d.date, ChairedBy: chair, Location: w.office.s}
	n := 2 + r.IntN(9)
	if council {
		n = 3 + r.IntN(10)
		f.Location = w.councilRoom.s
	}
	window := min(300, len(g.recent.items))
	for n = min(n, window); len(f.CaseIDs) < n; {
		c := g.recent.pick(r, window)
		if !slices.Contains(f.CaseIDs, c.id) {
			f.CaseIDs = append(f.CaseIDs, c.id)
			if !council && len(f.CaseIDs) == 1 && r.Float64() < 0.3 {
				f.Location = w.venue.cat(" ", w.places[c.district].name).s
			}
		}
	}
	rec := models.Record{CreatedBy: g.by, Version: 1, CreatedAt: g.at(d.date, 13*60+r.IntN(60))}
	rec.UpdatedAt = rec.CreatedAt
	next, table, join := &g.id.dialogue, g.dialogues, g.dlgCases
	if council {
		next, table, join = &g.id.council, g.councils, g.cnlCases
	}
	*next++
	rec.ID = *next
	var m interface{ PrepareSearch() } = &models.Dialogue{Record: rec, MeetingFields: f}
	if council {
		m = &models.CouncilMeeting{Record: rec, MeetingFields: f}
	}
	m.PrepareSearch()
	g.l.add(table, m)
	for _, id := range f.CaseIDs {
		var link any = &models.DialogueCase{DialogueID: rec.ID, CaseID: id}
		if council {
			link = &models.CouncilMeetingCase{CouncilMeetingID: rec.ID, CaseID: id}
		}
		g.l.add(join, link)
	}
}

// document issues one document, numbered within its year and type.
func (g *demoGen) document(d *demoDay) {
	r, w := g.r, g.w
	ti := demoDocTypeMix.draw(r)
	dt := w.docs[ti]
	y := d.date.Year()
	key := [2]int{y, ti}
	g.docNo[key]++
	no := strconv.Itoa(g.docNo[key])
	i := r.IntN(len(dt.templates))
	subject := dt.subjects[i]
	year := demoText{strconv.Itoa(y), strconv.Itoa(y)}
	switch dt.templates[i].tail {
	case "district":
		subject = subject.cat(" ", w.places[r.IntN(len(w.places))].name)
	case "month":
		m := demoText{strconv.Itoa(int(d.date.Month())), strconv.Itoa(int(d.date.Month()))}
		subject = subject.cat(" ", w.month.cat(" ", m).cat(" ", w.year).cat(" ", year))
	case "year":
		subject = subject.cat(" ", w.year.cat(" ", year))
	}
	g.id.document++
	doc := models.Document{DocumentFields: models.DocumentFields{Number: no + "/" + dt.symbol.s, IssuedOn: d.date,
		DocType: models.DocTypes()[ti], Subject: subject.s}}
	if (ti == 0 || ti == 4 || ti == 5) && len(g.recent.items) > 0 && r.Float64() < 0.4 {
		id := g.recent.pick(r, 300).id
		doc.CaseID = &id
	}
	doc.ID, doc.CreatedBy, doc.Version = g.id.document, g.by, 1
	doc.CreatedAt = g.officeTime(d.date)
	doc.UpdatedAt = doc.CreatedAt
	doc.SearchText = no + "/" + dt.symbol.f + " " + subject.f
	g.l.add(g.documents, &doc)
}
