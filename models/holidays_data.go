package models

// shippedDay is one row of the shipped holiday list.
type shippedDay struct {
	date        string
	name        string
	kind        HolidayKind
	provisional bool
}

const (
	hol  = HolidayPublic
	comp = HolidayCompensatory
	swap = HolidaySwapped
	work = HolidayWorkingDay
)

// shippedDays are the days off of officials (cán bộ, công chức, viên chức)
// for 2020-2027 as the government announced them each year (the Ministry of
// Labour's notices under the Labour Code and the Prime Minister's approval
// of swaps), with the Tết break as the weekdays the decision gave off.
// Entries not yet confirmed by a published decision are provisional;
// docs/deadlines.md explains each year and how to correct the list.
var shippedDays = []shippedDay{
	// 2020 (Labour Code 2012: one day for Quốc khánh).
	{"2020-01-01", nameNewYear, hol, false},
	{"2020-01-23", nameTet, hol, false}, // 29 tháng Chạp; break 23/1-29/1
	{"2020-01-24", nameTet, hol, false},
	{"2020-01-27", nameTet, hol, false},
	{"2020-01-28", nameTet, hol, false},
	{"2020-01-29", nameTet, hol, false},
	{"2020-04-02", nameHungKings, hol, false},
	{"2020-04-30", nameReunification, hol, false},
	{"2020-05-01", nameLabour, hol, false},
	{"2020-09-02", nameNational, hol, false},

	// 2021 (Labour Code 2019 from here: a second day for Quốc khánh).
	{"2021-01-01", nameNewYear, hol, false},
	{"2021-02-10", nameTet, hol, false}, // 29 tháng Chạp; break 10/2-16/2
	{"2021-02-11", nameTet, hol, false},
	{"2021-02-12", nameTet, hol, false},
	{"2021-02-15", nameTet, hol, false},
	{"2021-02-16", nameTet, hol, false},
	{"2021-04-21", nameHungKings, hol, false},
	{"2021-04-30", nameReunification, hol, false},
	{"2021-05-01", nameLabour, hol, false},
	{"2021-05-03", "Nghỉ bù " + nameLabour, comp, false},
	{"2021-09-02", nameNational, hol, false},
	{"2021-09-03", nameNationalNext, hol, false},

	// 2022
	{"2022-01-01", nameNewYear, hol, false},
	{"2022-01-03", "Nghỉ bù " + nameNewYear, comp, false},
	{"2022-01-31", nameTet, hol, false}, // 29 tháng Chạp; break 29/1-6/2
	{"2022-02-01", nameTet, hol, false},
	{"2022-02-02", nameTet, hol, false},
	{"2022-02-03", nameTet, hol, false},
	{"2022-02-04", nameTet, hol, false},
	{"2022-04-10", nameHungKings, hol, false},
	{"2022-04-11", "Nghỉ bù " + nameHungKings, comp, false},
	{"2022-04-30", nameReunification, hol, false},
	{"2022-05-01", nameLabour, hol, false},
	{"2022-05-02", "Nghỉ bù " + nameReunification, comp, false},
	{"2022-05-03", "Nghỉ bù " + nameLabour, comp, false},
	{"2022-09-01", nameNationalNext, hol, false},
	{"2022-09-02", nameNational, hol, false},

	// 2023
	{"2023-01-01", nameNewYear, hol, false},
	{"2023-01-02", "Nghỉ bù " + nameNewYear, comp, false},
	{"2023-01-20", nameTet, hol, false}, // 29 tháng Chạp; break 20/1-26/1
	{"2023-01-23", nameTet, hol, false},
	{"2023-01-24", nameTet, hol, false},
	{"2023-01-25", nameTet, hol, false},
	{"2023-01-26", nameTet, hol, false},
	{"2023-04-29", nameHungKings, hol, false},
	{"2023-04-30", nameReunification, hol, false},
	{"2023-05-01", nameLabour, hol, false},
	{"2023-05-02", "Nghỉ bù " + nameHungKings, comp, false},
	{"2023-05-03", "Nghỉ bù " + nameReunification, comp, false},
	{"2023-09-01", nameNationalNext, hol, false},
	{"2023-09-02", nameNational, hol, false},
	{"2023-09-04", "Nghỉ bù " + nameNational, comp, false},

	// 2024
	{"2024-01-01", nameNewYear, hol, false},
	{"2024-02-08", nameTet, hol, false}, // 29 tháng Chạp; break 8/2-14/2
	{"2024-02-09", nameTet, hol, false},
	{"2024-02-12", nameTet, hol, false},
	{"2024-02-13", nameTet, hol, false},
	{"2024-02-14", nameTet, hol, false},
	{"2024-04-18", nameHungKings, hol, false},
	{"2024-04-29", "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)", swap, false},
	{"2024-04-30", nameReunification, hol, false},
	{"2024-05-01", nameLabour, hol, false},
	{"2024-05-04", "Làm bù cho ngày nghỉ hoán đổi 29/4/2024", work, false},
	{"2024-09-02", nameNational, hol, false},
	{"2024-09-03", nameNationalNext, hol, false},

	// 2025
	{"2025-01-01", nameNewYear, hol, false},
	{"2025-01-27", nameTet, hol, false}, // 28 tháng Chạp; break 25/1-2/2
	{"2025-01-28", nameTet, hol, false},
	{"2025-01-29", nameTet, hol, false},
	{"2025-01-30", nameTet, hol, false},
	{"2025-01-31", nameTet, hol, false},
	{"2025-04-07", nameHungKings, hol, false},
	{"2025-04-26", "Làm bù cho ngày nghỉ hoán đổi 02/5/2025", work, false},
	{"2025-04-30", nameReunification, hol, false},
	{"2025-05-01", nameLabour, hol, false},
	{"2025-05-02", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", swap, false},
	{"2025-09-01", nameNationalNext, hol, false},
	{"2025-09-02", nameNational, hol, false},

	// 2026: New Year swap approved on 25/12/2025 (12729/VPCP-KGVX); Tết
	// break 14/2-22/2 as decided; the days around 2/9 still a proposal.
	{"2026-01-01", nameNewYear, hol, false},
	{"2026-01-02", "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)", swap, false},
	{"2026-01-10", "Làm bù cho ngày nghỉ hoán đổi 02/01/2026", work, false},
	{"2026-02-16", nameTet, hol, false}, // 29 tháng Chạp; break 14/2-22/2
	{"2026-02-17", nameTet, hol, false},
	{"2026-02-18", nameTet, hol, false},
	{"2026-02-19", nameTet, hol, false},
	{"2026-02-20", nameTet, hol, false},
	{"2026-04-26", nameHungKings, hol, false},
	{"2026-04-27", "Nghỉ bù " + nameHungKings, comp, false},
	{"2026-04-30", nameReunification, hol, false},
	{"2026-05-01", nameLabour, hol, false},
	{"2026-09-01", nameNationalNext, hol, true},
	{"2026-09-02", nameNational, hol, false},

	// 2027: computed; the Tết break and the day beside 2/9 are provisional.
	{"2027-01-01", nameNewYear, hol, false},
	{"2027-02-05", nameTet, hol, true}, // 29 tháng Chạp; Tết (mùng 1) is Saturday 6/2
	{"2027-02-08", nameTet, hol, true},
	{"2027-02-09", nameTet, hol, true},
	{"2027-02-10", "Nghỉ bù " + nameTet, comp, true},
	{"2027-02-11", "Nghỉ bù " + nameTet, comp, true},
	{"2027-04-16", nameHungKings, hol, false},
	{"2027-04-30", nameReunification, hol, false},
	{"2027-05-01", nameLabour, hol, false},
	{"2027-05-03", "Nghỉ bù " + nameLabour, comp, false},
	{"2027-09-02", nameNational, hol, false},
	{"2027-09-03", nameNationalNext, hol, true},
}

// ShippedHolidays returns the holiday list kntc ships, which fills an empty
// holidays table.
func ShippedHolidays() []HolidayFields {
	out := make([]HolidayFields, len(shippedDays))
	for i, d := range shippedDays {
		out[i] = HolidayFields{Date: MustDate(d.date), Name: d.name, Kind: d.kind, Provisional: d.provisional}
	}
	return out
}
