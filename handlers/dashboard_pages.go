package handlers

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
)

// dashboardPage compares this month with the last one and lists what is
// nearest its deadline.
type dashboardPage struct {
	Period, Previous services.Period
	Rows             []compareRow
	Chart            barChart
	Letters          []models.Letter
	Cases            []models.Case
	Workbook         string
}

// compareRow is one figure in two periods, or a heading (Level 1) or
// sub-heading (Level 2) above figures.
type compareRow struct {
	Label     string
	Cur, Prev int
	Level     int
	Indent    bool // a figure under a sub-heading
}

// Delta is the change from the previous period.
func (r compareRow) Delta() int { return r.Cur - r.Prev }

// dashboardSize is how many letters and cases the deadline lists show.
const dashboardSize = 10

// dashboard shows the signed-in user's overview.
func (p *pages) dashboard(c *gin.Context) {
	ctx := c.Request.Context()
	svc := p.h.svc
	q := currentMonth(svc.Today(), svc.Config().CutoffDay)
	period, err := services.ParsePeriod(q, svc.Config().CutoffDay)
	if err != nil {
		p.fail(c, err)
		return
	}
	st, err := svc.Statistics(ctx, period)
	if err != nil {
		p.fail(c, err)
		return
	}
	d := dashboardPage{Period: st.Period, Previous: st.Previous.Period, Rows: compareRows(st.Figures, st.Previous),
		Chart: domainChart(st.Figures, st.Previous), Workbook: workbookURL(q, "xlsx")}
	if d.Letters, err = p.lettersDue(c); err != nil {
		p.fail(c, err)
		return
	}
	days := 30 // cases due within a month, overdue ones included
	cases, err := svc.ListCases(ctx, models.CaseFilter{DueWithin: &days},
		models.Page{Page: 1, PerPage: dashboardSize, Sort: "resolution_due_on"})
	if err != nil {
		p.fail(c, err)
		return
	}
	d.Cases = cases.Items
	p.render(c, 200, "dashboard", newView(c, "Tổng quan", "home", d))
}

// lettersDue returns the letters not yet handled whose handling deadline is
// nearest (the overdue ones first): the registered and the classified ones,
// merged by deadline.
func (p *pages) lettersDue(c *gin.Context) ([]models.Letter, error) {
	var out []models.Letter
	for _, st := range []models.LetterStatus{models.LetterStatusRegistered, models.LetterStatusClassified} {
		list, err := p.h.svc.ListLetters(c.Request.Context(), models.LetterFilter{Status: st},
			models.Page{Page: 1, PerPage: dashboardSize, Sort: "handling_due_on"})
		if err != nil {
			return nil, err
		}
		out = append(out, list.Items...)
	}
	slices.SortStableFunc(out, func(a, b models.Letter) int {
		return cmp.Compare(a.HandlingDueOn.String(), b.HandlingDueOn.String())
	})
	return out[:min(len(out), dashboardSize)], nil
}

// currentMonth is the reporting month that contains today: with the
// inspectorate's cut-off on the 14th, the 20th of June is in July's period.
func currentMonth(today models.Date, cutoff int) services.PeriodQuery {
	y, m := today.Year(), int(today.Month())
	if cutoff > 0 && cutoff <= 28 && today.Day() > cutoff {
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return services.PeriodQuery{Month: fmt.Sprintf("%04d-%02d", y, m)}
}

// workbookURL is the statistics download of the API for a period; the API
// accepts the session cookie, so the link works from the page as it is.
func workbookURL(q services.PeriodQuery, format string) string {
	v := url.Values{}
	for k, s := range map[string]string{"month": q.Month, "quarter": q.Quarter, "half": q.Half,
		"nine_months": q.NineMonths, "year": q.Year, "from": q.From, "to": q.To} {
		if s != "" {
			v.Set(k, s)
		}
	}
	v.Set("format", format)
	return "/api/v1/reports/statistics?" + v.Encode()
}

// compareRows lists the dashboard's figures for two periods.
func compareRows(cur, prev services.Figures) []compareRow {
	var rows []compareRow
	indent := false
	heading := func(label string) {
		rows, indent = append(rows, compareRow{Label: label, Level: 1}), false
	}
	row := func(label string, get func(services.Figures) int) {
		rows = append(rows, compareRow{Label: label, Cur: get(cur), Prev: get(prev), Indent: indent})
	}
	byKey := func(title string, labels []option, extra, extraLabel string, m func(services.Figures) map[string]int) {
		rows, indent = append(rows, compareRow{Label: title, Level: 2}), true
		for _, o := range append(labels, option{extra, extraLabel}) {
			row(o.Label, func(f services.Figures) int { return m(f)[o.Value] })
		}
	}
	heading("Đơn thư")
	row("Tổng số đơn tiếp nhận", func(f services.Figures) int { return f.Letters.Total })
	byKey("Theo lĩnh vực", choices.Domains, services.KeyUnclassified, "chưa phân loại", func(f services.Figures) map[string]int { return f.Letters.ByDomain })
	byKey("Theo loại đơn", choices.Kinds, services.KeyUnclassified, "chưa phân loại", func(f services.Figures) map[string]int { return f.Letters.ByKind })
	byKey("Theo hướng xử lý", choices.Outcomes, services.KeyPending, "chưa xử lý", func(f services.Figures) map[string]int { return f.Letters.ByOutcome })
	indent = false
	row("Đơn chưa xử lý đã quá hạn", func(f services.Figures) int { return f.Letters.Overdue })
	heading("Tiếp công dân")
	sum := func(get func(services.ReceptionTypeFigures) int) func(services.Figures) int {
		return func(f services.Figures) int {
			r := f.Reception
			return get(r.Regular) + get(r.Periodic) + get(r.Adhoc)
		}
	}
	row("Lượt tiếp", sum(func(t services.ReceptionTypeFigures) int { return t.Visits }))
	row("Số người được tiếp", sum(func(t services.ReceptionTypeFigures) int { return t.People }))
	row("Vụ việc", sum(func(t services.ReceptionTypeFigures) int { return t.Cases }))
	row("Đoàn đông người", sum(func(t services.ReceptionTypeFigures) int { return t.Groups }))
	row("Kỳ tiếp của lãnh đạo", sum(func(t services.ReceptionTypeFigures) int { return t.Sessions }))
	heading("Đối thoại, Hội đồng tư vấn, văn bản")
	row("Cuộc đối thoại", func(f services.Figures) int { return f.Dialogues.Meetings })
	row("Vụ việc được đối thoại", func(f services.Figures) int { return f.Dialogues.Cases })
	row("Cuộc họp Hội đồng tư vấn", func(f services.Figures) int { return f.CouncilMeetings.Meetings })
	row("Vụ việc đưa ra Hội đồng tư vấn", func(f services.Figures) int { return f.CouncilMeetings.Cases })
	row("Văn bản ban hành", func(f services.Figures) int { return f.Documents.Total })
	return rows
}

// barChart is a small horizontal grouped bar chart drawn as SVG by the
// template: every coordinate is computed here, so the template only places
// rectangles and text, and no script or inline style is needed.
type barChart struct {
	Title         string
	Width, Height int
	BarX          int      // where the bars start, after the category labels
	Series        []string // legend: this period, the previous one
	Groups        []barGroup
}

// barGroup is one category: its label and one bar per series.
type barGroup struct {
	Label string
	Y     int // baseline of the label
	Bars  []bar
}

// bar is one rectangle with its value written after it.
type bar struct {
	Class          string
	Y, W, H        int
	Value          int
	TextX, TextY   int
	AccessibleText string
}

// Chart geometry, in SVG user units.
const (
	chartWidth  = 640
	chartLabelW = 170
	chartBarH   = 14
	chartGap    = 4
	chartGroupH = 2*chartBarH + chartGap + 18
	chartTop    = 30
)

// domainChart charts the letters by domain in two periods.
func domainChart(cur, prev services.Figures) barChart {
	labels := []string{"Đất đai", "Dân sự", "Lĩnh vực khác", "Chưa phân loại"}
	keys := []string{string(models.DomainLand), string(models.DomainCivil), string(models.DomainOther), services.KeyUnclassified}
	values := [2][]int{}
	for i, f := range []services.Figures{cur, prev} {
		for _, k := range keys {
			values[i] = append(values[i], f.Letters.ByDomain[k])
		}
	}
	return newBarChart("Đơn theo lĩnh vực", labels, []string{cur.Period.Label, prev.Period.Label}, values)
}

// newBarChart lays out the bars of two series over the same categories.
func newBarChart(title string, labels, series []string, values [2][]int) barChart {
	top := 1
	for _, vs := range values {
		for _, v := range vs {
			top = max(top, v)
		}
	}
	ch := barChart{Title: title, Width: chartWidth, BarX: chartLabelW, Height: chartTop + len(labels)*chartGroupH, Series: series}
	span := chartWidth - chartLabelW - 50 // room for the value after the longest bar
	classes := []string{"bar-cur", "bar-prev"}
	for i, label := range labels {
		y := chartTop + i*chartGroupH
		g := barGroup{Label: label, Y: y + chartBarH + 2}
		for s := range values {
			v := values[s][i]
			by := y + s*(chartBarH+chartGap)
			w := v * span / top
			g.Bars = append(g.Bars, bar{Class: classes[s], Y: by, W: w, H: chartBarH, Value: v,
				TextX: chartLabelW + w + 6, TextY: by + chartBarH - 3,
				AccessibleText: fmt.Sprintf("%s, %s: %d", label, series[s], v)})
		}
		ch.Groups = append(ch.Groups, g)
	}
	return ch
}
