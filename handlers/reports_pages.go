package handlers

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/exports"
	"kntc/services"
)

// reportsPage shows the figures of a chosen period beside the two periods
// it is compared with, the report paragraph and the downloads.
type reportsPage struct {
	Form      *form
	Years     []option
	Stats     *services.Statistics
	Rows      []reportRow
	Paragraph string
	Workbook  string
	Text      string
}

// reportRow is one figure of the "Số liệu" sheet in the three periods.
type reportRow struct {
	Code, Label           string
	Cur, Prev, YearBefore int
}

// reports shows the statistics of the period chosen in the query string;
// with none, the current month.
func (p *pages) reports(c *gin.Context) {
	svc := p.h.svc
	f := newForm(c.Request.URL.Query())
	today := svc.Today()
	if f.Get("kind") == "" {
		cur := currentMonth(today, svc.Config().CutoffDay).Month
		f.Set("kind", "month")
		f.Set("year", cur[:4])
		f.Set("month", fmt.Sprint(atoiOr(cur[5:], 1)))
	}
	rp := reportsPage{Form: f}
	for y := today.Year() + 1; y >= today.Year()-10; y-- {
		s := strconv.Itoa(y)
		rp.Years = append(rp.Years, option{s, s})
	}
	q := periodQuery(f)
	status := http.StatusOK
	period, err := services.ParsePeriod(q, svc.Config().CutoffDay)
	if err == nil && !f.HasErrors() {
		st, err := svc.Statistics(c.Request.Context(), period)
		if err != nil {
			p.fail(c, err)
			return
		}
		rp.Stats, rp.Rows = &st, reportRows(st, svc.Config().GroupSize)
		rp.Paragraph = exports.StatisticsText(st.Narrative())
		rp.Workbook, rp.Text = workbookURL(q, "xlsx"), workbookURL(q, "text")
	} else {
		status = http.StatusBadRequest
		if err != nil && !f.refuse(err) {
			p.fail(c, err)
			return
		}
	}
	p.render(c, status, "reports", newView(c, "Báo cáo, thống kê", "reports", rp))
}

// periodQuery turns the page's period fields (a kind, a year and the number
// of the month, quarter or half) into the API's period parameters.
func periodQuery(f *form) services.PeriodQuery {
	year := f.text("year")
	switch f.Get("kind") {
	case "month":
		return services.PeriodQuery{Month: fmt.Sprintf("%s-%02d", year, f.int("month", 1))}
	case "quarter":
		return services.PeriodQuery{Quarter: year + "-Q" + strconv.Itoa(f.int("quarter", 1))}
	case "half":
		return services.PeriodQuery{Half: year + "-H" + strconv.Itoa(f.int("half", 1))}
	case "nine_months":
		return services.PeriodQuery{NineMonths: year}
	case "year":
		return services.PeriodQuery{Year: year}
	}
	r := f.dateRange()
	return services.PeriodQuery{From: r.From.String(), To: r.To.String()}
}

// atoiOr reads a whole number, def when s is not one.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}

// reportRows lists every figure of the contract in the three periods.
func reportRows(st services.Statistics, groupSize int) []reportRow {
	if groupSize <= 0 {
		groupSize = 5
	}
	cur, prev, before := st.FigureList(groupSize), st.Previous.FigureList(groupSize), st.YearBefore.FigureList(groupSize)
	rows := make([]reportRow, len(cur))
	for i, fg := range cur {
		rows[i] = reportRow{Code: fg.Code, Label: fg.Label, Cur: fg.Value, Prev: prev[i].Value, YearBefore: before[i].Value}
	}
	return rows
}
