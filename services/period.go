package services

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kntc/models"
)

// PeriodKind says how a reporting period was asked for; Previous and
// YearBefore need it to find the comparable periods.
type PeriodKind string

// The kinds of reporting period of api.md.
const (
	PeriodMonth      PeriodKind = "month"
	PeriodQuarter    PeriodKind = "quarter"
	PeriodHalf       PeriodKind = "half"
	PeriodNineMonths PeriodKind = "nine_months"
	PeriodYear       PeriodKind = "year"
	PeriodRange      PeriodKind = "range"
)

// Period is a reporting period: inclusive dates and the Vietnamese label
// written in reports ("tháng 5 năm 2022"). Its JSON is the "period" object
// of the statistics.
type Period struct {
	From  models.Date `json:"from"`
	To    models.Date `json:"to"`
	Label string      `json:"label"`
	// Kind, Year and N (month 1-12, quarter 1-4, half 1-2) describe a named
	// period; a range has only From and To.
	Kind PeriodKind `json:"-"`
	Year int        `json:"-"`
	N    int        `json:"-"`
	// CutoffDay is the setting the dates were computed with (0: calendar
	// months), kept so that the comparable periods use the same regime.
	CutoffDay int `json:"-"`
}

// PeriodQuery is the period part of a statistics request or of the report
// command: exactly one of the named periods, or From and To together. The
// form tags let a handler bind it from the query string.
type PeriodQuery struct {
	Month      string `form:"month"`
	Quarter    string `form:"quarter"`
	Half       string `form:"half"`
	NineMonths string `form:"nine_months"`
	Year       string `form:"year"`
	From       string `form:"from"`
	To         string `form:"to"`
}

// PeriodQueryFrom reads the period parameters of a query string, so that a
// handler need not know their names.
func PeriodQueryFrom(v url.Values) PeriodQuery {
	return PeriodQuery{Month: v.Get("month"), Quarter: v.Get("quarter"), Half: v.Get("half"),
		NineMonths: v.Get("nine_months"), Year: v.Get("year"), From: v.Get("from"), To: v.Get("to")}
}

var (
	periodMonthRe   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	periodQuarterRe = regexp.MustCompile(`^(\d{4})-[Qq]([1-4])$`)
	periodHalfRe    = regexp.MustCompile(`^(\d{4})-[Hh]([12])$`)
	periodYearRe    = regexp.MustCompile(`^(\d{4})$`)
)

// periodMinYear keeps periods within years the register can hold; the year
// must also leave room for the year before.
const periodMinYear = 1901

// ParsePeriod turns the request's period parameters into dates and a label.
// cutoffDay is Config.CutoffDay: 0 for calendar months, or the day on which
// every period ends (14 in the inspectorate's regime, where May runs from
// 15 April to 14 May). Zero or several periods, or a malformed value, give an
// invalid-input error naming the field.
func ParsePeriod(q PeriodQuery, cutoffDay int) (Period, error) {
	cutoffDay = normalCutoff(cutoffDay)
	named := []struct{ field, value string }{
		{"month", q.Month}, {"quarter", q.Quarter}, {"half", q.Half},
		{"nine_months", q.NineMonths}, {"year", q.Year},
	}
	var given []string
	for _, n := range named {
		if strings.TrimSpace(n.value) != "" {
			given = append(given, n.field)
		}
	}
	hasRange := strings.TrimSpace(q.From) != "" || strings.TrimSpace(q.To) != ""
	if hasRange {
		given = append(given, "from")
	}
	switch {
	case len(given) == 0:
		return Period{}, models.InvalidField("period", "Cần chọn một kỳ báo cáo: tháng (month=YYYY-MM), quý (quarter=YYYY-Qn), 6 tháng (half=YYYY-H1 hoặc YYYY-H2), 9 tháng (nine_months=YYYY), năm (year=YYYY) hoặc khoảng ngày (from, to).")
	case len(given) > 1:
		return Period{}, models.InvalidField(given[1], "Chỉ được chọn một kỳ báo cáo.")
	}
	switch given[0] {
	case "month":
		m := periodMonthRe.FindStringSubmatch(strings.TrimSpace(q.Month))
		if m == nil {
			return Period{}, models.InvalidField("month", "Tháng phải có dạng YYYY-MM, ví dụ 2022-05.")
		}
		y, n := atoiPeriod(m[1]), atoiPeriod(m[2])
		if n < 1 || n > 12 {
			return Period{}, models.InvalidField("month", "Tháng phải từ 01 đến 12.")
		}
		return namedPeriod(PeriodMonth, y, n, cutoffDay)
	case "quarter":
		m := periodQuarterRe.FindStringSubmatch(strings.TrimSpace(q.Quarter))
		if m == nil {
			return Period{}, models.InvalidField("quarter", "Quý phải có dạng YYYY-Qn (n từ 1 đến 4), ví dụ 2022-Q1.")
		}
		return namedPeriod(PeriodQuarter, atoiPeriod(m[1]), atoiPeriod(m[2]), cutoffDay)
	case "half":
		m := periodHalfRe.FindStringSubmatch(strings.TrimSpace(q.Half))
		if m == nil {
			return Period{}, models.InvalidField("half", "Kỳ 6 tháng phải có dạng YYYY-H1 (6 tháng đầu năm) hoặc YYYY-H2 (6 tháng cuối năm).")
		}
		return namedPeriod(PeriodHalf, atoiPeriod(m[1]), atoiPeriod(m[2]), cutoffDay)
	case "nine_months":
		m := periodYearRe.FindStringSubmatch(strings.TrimSpace(q.NineMonths))
		if m == nil {
			return Period{}, models.InvalidField("nine_months", "Kỳ 9 tháng phải ghi năm dạng YYYY, ví dụ 2022.")
		}
		return namedPeriod(PeriodNineMonths, atoiPeriod(m[1]), 1, cutoffDay)
	case "year":
		m := periodYearRe.FindStringSubmatch(strings.TrimSpace(q.Year))
		if m == nil {
			return Period{}, models.InvalidField("year", "Năm phải có dạng YYYY, ví dụ 2022.")
		}
		return namedPeriod(PeriodYear, atoiPeriod(m[1]), 1, cutoffDay)
	}
	return parseRange(q.From, q.To, cutoffDay)
}

// ParsePeriodValues is ParsePeriod over a query string.
func ParsePeriodValues(v url.Values, cutoffDay int) (Period, error) {
	return ParsePeriod(PeriodQueryFrom(v), cutoffDay)
}

// parseRange checks an explicit from/to pair, both inclusive.
func parseRange(fromText, toText string, cutoffDay int) (Period, error) {
	fromText, toText = strings.TrimSpace(fromText), strings.TrimSpace(toText)
	if fromText == "" {
		return Period{}, models.InvalidField("from", "Cần cả ngày bắt đầu (from) và ngày kết thúc (to).")
	}
	if toText == "" {
		return Period{}, models.InvalidField("to", "Cần cả ngày bắt đầu (from) và ngày kết thúc (to).")
	}
	from, err := models.ParseDate(fromText)
	if err != nil {
		return Period{}, models.InvalidField("from", "Ngày bắt đầu phải là ngày có thật, dạng YYYY-MM-DD.")
	}
	to, err := models.ParseDate(toText)
	if err != nil {
		return Period{}, models.InvalidField("to", "Ngày kết thúc phải là ngày có thật, dạng YYYY-MM-DD.")
	}
	if to.Before(from) {
		return Period{}, models.InvalidField("to", "Ngày kết thúc không được trước ngày bắt đầu.")
	}
	if from.Year() < periodMinYear {
		return Period{}, models.InvalidField("from", fmt.Sprintf("Ngày bắt đầu phải từ năm %d trở đi.", periodMinYear))
	}
	return rangePeriod(from, to, cutoffDay), nil
}

func atoiPeriod(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// normalCutoff keeps only cut-off days that every month has; anything else
// means calendar months.
func normalCutoff(day int) int {
	if day < 1 || day > 28 {
		return 0
	}
	return day
}

// namedPeriod builds a month, quarter, half, nine months or year.
func namedPeriod(kind PeriodKind, year, n, cutoffDay int) (Period, error) {
	if year < periodMinYear || year > 9998 {
		return Period{}, models.InvalidField(string(kind), fmt.Sprintf("Năm phải từ %d đến 9998.", periodMinYear))
	}
	return makeNamed(kind, year, n, cutoffDay), nil
}

// makeNamed computes the dates and label of a named period; the arguments
// are already valid.
func makeNamed(kind PeriodKind, year, n, cutoffDay int) Period {
	var first, last int // calendar months covered, 1-12
	var label string
	switch kind {
	case PeriodMonth:
		first, last = n, n
		label = fmt.Sprintf("tháng %d năm %d", n, year)
	case PeriodQuarter:
		first, last = 3*n-2, 3*n
		label = fmt.Sprintf("quý %s năm %d", romanQuarter[n], year)
	case PeriodHalf:
		first, last = 6*n-5, 6*n
		if n == 1 {
			label = fmt.Sprintf("6 tháng đầu năm %d", year)
		} else {
			label = fmt.Sprintf("6 tháng cuối năm %d", year)
		}
	case PeriodNineMonths:
		first, last = 1, 9
		label = fmt.Sprintf("9 tháng năm %d", year)
	default:
		first, last = 1, 12
		label = fmt.Sprintf("năm %d", year)
	}
	var from, to models.Date
	if cutoffDay == 0 {
		from = models.NewDate(year, time.Month(first), 1)
		to = models.NewDate(year, time.Month(last)+1, 1).AddDays(-1)
	} else {
		// The period of month m ends on the cut-off day of m and starts the
		// day after the cut-off day of the month before; time.Date carries
		// month 0 into December of the year before.
		from = models.NewDate(year, time.Month(first)-1, cutoffDay+1)
		to = models.NewDate(year, time.Month(last), cutoffDay)
	}
	return Period{From: from, To: to, Label: label, Kind: kind, Year: year, N: n, CutoffDay: cutoffDay}
}

var romanQuarter = [...]string{1: "I", 2: "II", 3: "III", 4: "IV"}

// rangePeriod builds an explicit period from..to.
func rangePeriod(from, to models.Date, cutoffDay int) Period {
	return Period{From: from, To: to, Kind: PeriodRange, CutoffDay: cutoffDay,
		Label: fmt.Sprintf("từ ngày %s đến ngày %s", from.VN(), to.VN())}
}

// Previous returns the period of the same kind just before p, for the
// "kỳ trước" column: the month, quarter or half before, the year before for
// a year, and for nine months the nine months of the year before (the only
// earlier period of that kind). An explicit range gives the range of the
// same number of days ending the day before p starts.
func (p Period) Previous() Period {
	switch p.Kind {
	case PeriodMonth:
		if p.N == 1 {
			return makeNamed(PeriodMonth, p.Year-1, 12, p.CutoffDay)
		}
		return makeNamed(PeriodMonth, p.Year, p.N-1, p.CutoffDay)
	case PeriodQuarter:
		if p.N == 1 {
			return makeNamed(PeriodQuarter, p.Year-1, 4, p.CutoffDay)
		}
		return makeNamed(PeriodQuarter, p.Year, p.N-1, p.CutoffDay)
	case PeriodHalf:
		if p.N == 1 {
			return makeNamed(PeriodHalf, p.Year-1, 2, p.CutoffDay)
		}
		return makeNamed(PeriodHalf, p.Year, 1, p.CutoffDay)
	case PeriodNineMonths, PeriodYear:
		return makeNamed(p.Kind, p.Year-1, p.N, p.CutoffDay)
	}
	to := p.From.AddDays(-1)
	return rangePeriod(to.AddDays(-p.Days()+1), to, p.CutoffDay)
}

// YearBefore returns the same period one year earlier, for the "cùng kỳ năm
// trước" column. For a range, each date moves back a year, 29 February
// becoming 28 February.
func (p Period) YearBefore() Period {
	if p.Kind != PeriodRange && p.Kind != "" {
		return makeNamed(p.Kind, p.Year-1, p.N, p.CutoffDay)
	}
	return rangePeriod(yearEarlier(p.From), yearEarlier(p.To), p.CutoffDay)
}

// yearEarlier moves d back one year without spilling 29 February into March.
func yearEarlier(d models.Date) models.Date {
	day := d.Day()
	if d.Month() == time.February && day == 29 {
		day = 28
	}
	return models.NewDate(d.Year()-1, d.Month(), day)
}

// Days returns the number of days in the period, both ends included.
func (p Period) Days() int { return p.From.DaysUntil(p.To) + 1 }

// Contains reports whether d falls in the period, both ends included.
func (p Period) Contains(d models.Date) bool {
	return !d.IsZero() && !d.Before(p.From) && !d.After(p.To)
}

// Range returns the period as a date range, for list filters.
func (p Period) Range() models.DateRange { return models.DateRange{From: p.From, To: p.To} }

// FileName returns a Vietnamese file name for the period's report, e.g.
// "Báo cáo tiếp công dân, xử lý đơn tháng 5 năm 2022.xlsx", and an ASCII
// fallback ("bao-cao-tiep-cong-dan-xu-ly-don-thang-5-nam-2022.xlsx") for
// the plain filename parameter of Content-Disposition.
func (p Period) FileName(ext string) (vietnamese, ascii string) {
	base := "Báo cáo tiếp công dân, xử lý đơn " + strings.ReplaceAll(p.Label, "/", "-")
	var b strings.Builder
	dash := false
	for _, r := range models.Fold(base) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return base + "." + ext, strings.TrimRight(b.String(), "-") + "." + ext
}
