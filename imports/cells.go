package imports

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"kntc/models"
)

// minSerialYear is the earliest year a bare number in a date column is read
// as: Excel stores date cells as day numbers, but a year typed alone
// ("2022") is also a number, and must not become a day in 1905.
const minSerialYear = 1950

// parseDate reads a date cell: dd/mm/yyyy (also with - or . between),
// yyyy-mm-dd, or the day number that Excel stores in a real date cell. A
// time after the date is ignored. Impossible dates such as 31/02 fail.
func parseDate(cell string, date1904 bool) (models.Date, bool) {
	s, _, _ := strings.Cut(strings.TrimSpace(cell), " ")
	if s == "" {
		return models.Date{}, false
	}
	if serial, err := strconv.ParseFloat(s, 64); err == nil {
		return serialDate(serial, date1904)
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return models.Date{}, false
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) > 4 {
			return models.Date{}, false
		}
		nums[i] = n
	}
	switch {
	case len(parts[0]) == 4: // yyyy-mm-dd
		return civilDate(nums[0], nums[1], nums[2])
	case len(parts[2]) == 4: // dd/mm/yyyy
		return civilDate(nums[2], nums[1], nums[0])
	}
	return models.Date{}, false // two-digit years are ambiguous
}

// civilDate returns y-m-d if it is a real day.
func civilDate(y, m, d int) (models.Date, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 {
		return models.Date{}, false
	}
	date := models.NewDate(y, time.Month(m), d)
	if date.Day() != d || int(date.Month()) != m {
		return models.Date{}, false
	}
	return date, true
}

// serialDate converts Excel's day number (the fraction is the time of day).
func serialDate(serial float64, date1904 bool) (models.Date, bool) {
	if math.IsNaN(serial) || serial < 1 || serial > 2958465 { // 9999-12-31
		return models.Date{}, false
	}
	t, err := excelize.ExcelDateToTime(math.Floor(serial), date1904)
	if err != nil || t.Year() < minSerialYear {
		return models.Date{}, false
	}
	return models.DateOf(t), true
}

// parseCount reads a whole number of people: "3", or "3.0" as Excel may
// store it. It fails for anything else.
func parseCount(cell string) (int, bool) {
	s := strings.TrimSpace(cell)
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e6 {
		return 0, false
	}
	return int(f), true
}
