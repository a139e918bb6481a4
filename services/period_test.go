package services_test

import (
	"errors"
	"fmt"
	"net/url"
	"testing"

	"golang.org/x/text/unicode/norm"

	"kntc/models"
	"kntc/services"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		name     string
		q        services.PeriodQuery
		cutoff   int
		from, to string
		label    string
	}{
		{"calendar month", services.PeriodQuery{Month: "2022-05"}, 0, "2022-05-01", "2022-05-31", "tháng 5 năm 2022"},
		{"calendar February of a leap year", services.PeriodQuery{Month: "2024-02"}, 0, "2024-02-01", "2024-02-29", "tháng 2 năm 2024"},
		{"calendar December", services.PeriodQuery{Month: "2022-12"}, 0, "2022-12-01", "2022-12-31", "tháng 12 năm 2022"},
		{"cut-off month", services.PeriodQuery{Month: "2022-05"}, 14, "2022-04-15", "2022-05-14", "tháng 5 năm 2022"},
		{"cut-off January starts in December", services.PeriodQuery{Month: "2022-01"}, 14, "2021-12-15", "2022-01-14", "tháng 1 năm 2022"},
		{"calendar quarter I", services.PeriodQuery{Quarter: "2022-Q1"}, 0, "2022-01-01", "2022-03-31", "quý I năm 2022"},
		{"calendar quarter IV lower case", services.PeriodQuery{Quarter: "2022-q4"}, 0, "2022-10-01", "2022-12-31", "quý IV năm 2022"},
		{"cut-off quarter I", services.PeriodQuery{Quarter: "2022-Q1"}, 14, "2021-12-15", "2022-03-14", "quý I năm 2022"},
		{"cut-off quarter III", services.PeriodQuery{Quarter: "2022-Q3"}, 14, "2022-06-15", "2022-09-14", "quý III năm 2022"},
		{"first half", services.PeriodQuery{Half: "2022-H1"}, 0, "2022-01-01", "2022-06-30", "6 tháng đầu năm 2022"},
		{"second half", services.PeriodQuery{Half: "2022-H2"}, 0, "2022-07-01", "2022-12-31", "6 tháng cuối năm 2022"},
		{"cut-off first half", services.PeriodQuery{Half: "2022-H1"}, 14, "2021-12-15", "2022-06-14", "6 tháng đầu năm 2022"},
		{"nine months", services.PeriodQuery{NineMonths: "2022"}, 0, "2022-01-01", "2022-09-30", "9 tháng năm 2022"},
		{"cut-off nine months", services.PeriodQuery{NineMonths: "2022"}, 14, "2021-12-15", "2022-09-14", "9 tháng năm 2022"},
		{"year", services.PeriodQuery{Year: "2022"}, 0, "2022-01-01", "2022-12-31", "năm 2022"},
		{"cut-off year", services.PeriodQuery{Year: "2022"}, 14, "2021-12-15", "2022-12-14", "năm 2022"},
		{"range", services.PeriodQuery{From: "2022-05-01", To: "2022-05-31"}, 0, "2022-05-01", "2022-05-31", "từ ngày 01/05/2022 đến ngày 31/05/2022"},
		{"range of one day", services.PeriodQuery{From: "2022-05-07", To: "2022-05-07"}, 14, "2022-05-07", "2022-05-07", "từ ngày 07/05/2022 đến ngày 07/05/2022"},
		{"unsupported cut-off means calendar months", services.PeriodQuery{Month: "2022-05"}, 31, "2022-05-01", "2022-05-31", "tháng 5 năm 2022"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := services.ParsePeriod(tt.q, tt.cutoff)
			if err != nil {
				t.Fatalf("ParsePeriod: %v", err)
			}
			if p.From.String() != tt.from || p.To.String() != tt.to || p.Label != tt.label {
				t.Errorf("got %s..%s %q, want %s..%s %q", p.From, p.To, p.Label, tt.from, tt.to, tt.label)
			}
			if !norm.NFC.IsNormalString(p.Label) {
				t.Errorf("label %q is not NFC", p.Label)
			}
		})
	}
}

func TestParsePeriodRejects(t *testing.T) {
	tests := []struct {
		name  string
		q     services.PeriodQuery
		field string
	}{
		{"no period", services.PeriodQuery{}, "period"},
		{"two periods", services.PeriodQuery{Month: "2022-05", Year: "2022"}, "year"},
		{"a period and a range", services.PeriodQuery{Quarter: "2022-Q1", From: "2022-01-01", To: "2022-01-31"}, "from"},
		{"month 13", services.PeriodQuery{Month: "2022-13"}, "month"},
		{"month 00", services.PeriodQuery{Month: "2022-00"}, "month"},
		{"month without zero", services.PeriodQuery{Month: "2022-5"}, "month"},
		{"month with day", services.PeriodQuery{Month: "2022-05-01"}, "month"},
		{"quarter 5", services.PeriodQuery{Quarter: "2022-Q5"}, "quarter"},
		{"quarter as number", services.PeriodQuery{Quarter: "2022-1"}, "quarter"},
		{"half 3", services.PeriodQuery{Half: "2022-H3"}, "half"},
		{"nine months with month", services.PeriodQuery{NineMonths: "2022-09"}, "nine_months"},
		{"year in two digits", services.PeriodQuery{Year: "22"}, "year"},
		{"year zero", services.PeriodQuery{Year: "0000"}, "year"},
		{"from without to", services.PeriodQuery{From: "2022-05-01"}, "to"},
		{"to without from", services.PeriodQuery{To: "2022-05-01"}, "from"},
		{"impossible date", services.PeriodQuery{From: "2022-02-30", To: "2022-03-01"}, "from"},
		{"dd/mm/yyyy", services.PeriodQuery{From: "01/05/2022", To: "2022-05-31"}, "from"},
		{"to before from", services.PeriodQuery{From: "2022-05-31", To: "2022-05-01"}, "to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := services.ParsePeriod(tt.q, 0)
			var e *models.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *models.Error", err)
			}
			if e.Code != models.CodeInvalid || len(e.Fields) != 1 || e.Fields[0].Field != tt.field {
				t.Fatalf("got %+v, want invalid on %q", e, tt.field)
			}
			if e.Message == "" || !norm.NFC.IsNormalString(e.Message) {
				t.Errorf("message %q", e.Message)
			}
		})
	}
}

func TestParsePeriodValues(t *testing.T) {
	v := url.Values{"month": {"2022-05"}, "format": {"xlsx"}}
	p, err := services.ParsePeriodValues(v, 0)
	if err != nil || p.Label != "tháng 5 năm 2022" {
		t.Fatalf("got %+v, %v", p, err)
	}
}

func TestPeriodPreviousAndYearBefore(t *testing.T) {
	tests := []struct {
		name         string
		q            services.PeriodQuery
		cutoff       int
		prev, before string // "from..to label"
	}{
		{"month", services.PeriodQuery{Month: "2022-05"}, 0,
			"2022-04-01..2022-04-30 tháng 4 năm 2022", "2021-05-01..2021-05-31 tháng 5 năm 2021"},
		{"January goes back to December", services.PeriodQuery{Month: "2022-01"}, 0,
			"2021-12-01..2021-12-31 tháng 12 năm 2021", "2021-01-01..2021-01-31 tháng 1 năm 2021"},
		{"cut-off month", services.PeriodQuery{Month: "2022-05"}, 14,
			"2022-03-15..2022-04-14 tháng 4 năm 2022", "2021-04-15..2021-05-14 tháng 5 năm 2021"},
		{"quarter I", services.PeriodQuery{Quarter: "2022-Q1"}, 0,
			"2021-10-01..2021-12-31 quý IV năm 2021", "2021-01-01..2021-03-31 quý I năm 2021"},
		{"quarter III", services.PeriodQuery{Quarter: "2022-Q3"}, 14,
			"2022-03-15..2022-06-14 quý II năm 2022", "2021-06-15..2021-09-14 quý III năm 2021"},
		{"first half", services.PeriodQuery{Half: "2022-H1"}, 0,
			"2021-07-01..2021-12-31 6 tháng cuối năm 2021", "2021-01-01..2021-06-30 6 tháng đầu năm 2021"},
		{"second half", services.PeriodQuery{Half: "2022-H2"}, 0,
			"2022-01-01..2022-06-30 6 tháng đầu năm 2022", "2021-07-01..2021-12-31 6 tháng cuối năm 2021"},
		{"nine months", services.PeriodQuery{NineMonths: "2022"}, 0,
			"2021-01-01..2021-09-30 9 tháng năm 2021", "2021-01-01..2021-09-30 9 tháng năm 2021"},
		{"year", services.PeriodQuery{Year: "2022"}, 14,
			"2020-12-15..2021-12-14 năm 2021", "2020-12-15..2021-12-14 năm 2021"},
		{"range", services.PeriodQuery{From: "2022-05-01", To: "2022-05-31"}, 0,
			"2022-03-31..2022-04-30 từ ngày 31/03/2022 đến ngày 30/04/2022",
			"2021-05-01..2021-05-31 từ ngày 01/05/2021 đến ngày 31/05/2021"},
		{"range ending on 29 February", services.PeriodQuery{From: "2024-02-01", To: "2024-02-29"}, 0,
			"2024-01-03..2024-01-31 từ ngày 03/01/2024 đến ngày 31/01/2024",
			"2023-02-01..2023-02-28 từ ngày 01/02/2023 đến ngày 28/02/2023"},
	}
	show := func(p services.Period) string { return p.From.String() + ".." + p.To.String() + " " + p.Label }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := services.ParsePeriod(tt.q, tt.cutoff)
			if err != nil {
				t.Fatal(err)
			}
			if got := show(p.Previous()); got != tt.prev {
				t.Errorf("Previous = %s, want %s", got, tt.prev)
			}
			if got := show(p.YearBefore()); got != tt.before {
				t.Errorf("YearBefore = %s, want %s", got, tt.before)
			}
		})
	}
}

func TestPeriodMonthsTileTheYear(t *testing.T) {
	for _, cutoff := range []int{0, 14} {
		year, _ := services.ParsePeriod(services.PeriodQuery{Year: "2022"}, cutoff)
		var prev services.Period
		for m := 1; m <= 12; m++ {
			p, err := services.ParsePeriod(services.PeriodQuery{Month: fmt.Sprintf("2022-%02d", m)}, cutoff)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case m == 1 && p.From != year.From:
				t.Fatalf("cutoff %d: January starts %s, the year %s", cutoff, p.From, year.From)
			case m > 1 && p.From != prev.To.AddDays(1):
				t.Fatalf("cutoff %d: %s starts %s, after %s", cutoff, p.Label, p.From, prev.To)
			case m > 1 && p.Previous() != prev:
				t.Fatalf("cutoff %d: previous of %s is %+v", cutoff, p.Label, p.Previous())
			case m == 12 && p.To != year.To:
				t.Fatalf("cutoff %d: December ends %s, the year %s", cutoff, p.To, year.To)
			}
			prev = p
		}
	}
}

func TestPeriodFileName(t *testing.T) {
	p, _ := services.ParsePeriod(services.PeriodQuery{Month: "2022-05"}, 0)
	vi, ascii := p.FileName("xlsx")
	if vi != "Báo cáo tiếp công dân, xử lý đơn tháng 5 năm 2022.xlsx" {
		t.Errorf("vietnamese %q", vi)
	}
	if ascii != "bao-cao-tiep-cong-dan-xu-ly-don-thang-5-nam-2022.xlsx" {
		t.Errorf("ascii %q", ascii)
	}
	r, _ := services.ParsePeriod(services.PeriodQuery{From: "2022-05-01", To: "2022-05-31"}, 0)
	if vi, _ := r.FileName("txt"); vi != "Báo cáo tiếp công dân, xử lý đơn từ ngày 01-05-2022 đến ngày 31-05-2022.txt" {
		t.Errorf("range %q", vi)
	}
}
