package models

import (
	"math"
	"time"
)

// The Vietnamese lunisolar calendar, after Hồ Ngọc Đức's published method:
// new moons and the sun's longitude from the astronomical series (Meeus),
// in Vietnam's time zone UTC+7, which is why Vietnamese Tết sometimes falls a
// day away from the Chinese New Year (1985, 2007). Day numbers are Julian
// day numbers (integers, noon-based).

// vnTimeZone is the time zone of the Vietnamese calendar, in hours from UTC.
const vnTimeZone = 7.0

// synodicMonth is the mean length of a lunation in days.
const synodicMonth = 29.530588853

// jdEpoch1900 is the Julian day of the new moon of 1 January 1900, 13:52 UTC.
const jdEpoch1900 = 2415021.076998695

// julianDay returns the Julian day number of a Gregorian date.
func julianDay(d Date) int {
	y, m, day := d.Year(), int(d.Month()), d.Day()
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	return day + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
}

// dateOfJulianDay is the inverse of julianDay.
func dateOfJulianDay(jd int) Date {
	a := jd + 32044
	b := (4*a + 3) / 146097
	c := a - b*146097/4
	d := (4*c + 3) / 1461
	e := c - 1461*d/4
	m := (5*e + 2) / 153
	day := e - (153*m+2)/5 + 1
	month := m + 3 - 12*(m/10)
	year := b*100 + d - 4800 + m/10
	return NewDate(year, time.Month(month), day)
}

// newMoon returns the Julian day (with fraction, UTC) of the k-th new moon
// after the one of 1 January 1900.
func newMoon(k int) float64 {
	const dr = math.Pi / 180
	kf := float64(k)
	t := kf / 1236.85
	t2, t3 := t*t, t*t*t
	jd1 := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd1 += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)
	m := 359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3      // sun's mean anomaly
	mpr := 306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3   // moon's mean anomaly
	f := 21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3      // moon's argument of latitude
	c1 := (0.1734-0.000393*t)*math.Sin(m*dr) + 0.0021*math.Sin(2*dr*m) // equation of the centre terms
	c1 = c1 - 0.4068*math.Sin(mpr*dr) + 0.0161*math.Sin(dr*2*mpr)
	c1 -= 0.0004 * math.Sin(dr*3*mpr)
	c1 = c1 + 0.0104*math.Sin(dr*2*f) - 0.0051*math.Sin(dr*(m+mpr))
	c1 = c1 - 0.0074*math.Sin(dr*(m-mpr)) + 0.0004*math.Sin(dr*(2*f+m))
	c1 = c1 - 0.0004*math.Sin(dr*(2*f-m)) - 0.0006*math.Sin(dr*(2*f+mpr))
	c1 = c1 + 0.0010*math.Sin(dr*(2*f-mpr)) + 0.0005*math.Sin(dr*(2*mpr+m))
	var deltaT float64 // terrestrial minus universal time, in days
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd1 + c1 - deltaT
}

// sunLongitude returns the sun's apparent longitude, in radians in [0, 2π),
// at Julian day jdn (UTC, with fraction).
func sunLongitude(jdn float64) float64 {
	const dr = math.Pi / 180
	t := (jdn - 2451545.0) / 36525 // Julian centuries since J2000.0
	t2 := t * t
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2 // mean anomaly
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2                  // mean longitude
	dl := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(dr*m)
	dl += (0.019993-0.000101*t)*math.Sin(dr*2*m) + 0.000290*math.Sin(dr*3*m)
	l := (l0 + dl) * dr
	l -= 2 * math.Pi * math.Floor(l/(2*math.Pi))
	return l
}

// newMoonDay returns the day number, in the Vietnamese zone, of the k-th new moon.
func newMoonDay(k int) int {
	return int(math.Floor(newMoon(k) + 0.5 + vnTimeZone/24))
}

// sunSector returns which of the 12 thirty-degree sectors (major solar
// terms) the sun is in at the start of day jd in the Vietnamese zone.
func sunSector(jd int) int {
	return int(math.Floor(sunLongitude(float64(jd)-0.5-vnTimeZone/24) / math.Pi * 6))
}

// lunarMonth11 returns the first day of the 11th lunar month of year y: the
// month that holds the winter solstice.
func lunarMonth11(y int) int {
	off := julianDay(NewDate(y, time.December, 31)) - 2415021
	k := int(math.Floor(float64(off) / synodicMonth))
	nm := newMoonDay(k)
	if sunSector(nm) >= 9 {
		nm = newMoonDay(k - 1)
	}
	return nm
}

// leapMonthOffset returns the offset, in months after the 11th month
// starting on a11, of the leap month: the first month with no major solar term.
func leapMonthOffset(a11 int) int {
	k := int(math.Floor((float64(a11)-jdEpoch1900)/synodicMonth + 0.5))
	i := 1
	arc := sunSector(newMoonDay(k + i))
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k + i))
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

// LunarDate is a date of the Vietnamese lunar calendar.
type LunarDate struct {
	Day, Month, Year int
	Leap             bool
}

// ToLunar returns the Vietnamese lunar date of d.
func ToLunar(d Date) LunarDate {
	day := julianDay(d)
	k := int(math.Floor((float64(day) - jdEpoch1900) / synodicMonth))
	monthStart := newMoonDay(k + 1)
	if monthStart > day {
		monthStart = newMoonDay(k)
	}
	yy := d.Year()
	a11, b11 := lunarMonth11(yy), 0
	lunarYear := yy
	if a11 >= monthStart {
		b11 = a11
		a11 = lunarMonth11(yy - 1)
	} else {
		lunarYear = yy + 1
		b11 = lunarMonth11(yy + 1)
	}
	out := LunarDate{Day: day - monthStart + 1}
	diff := (monthStart - a11) / 29
	out.Month = diff + 11
	if b11-a11 > 365 {
		leap := leapMonthOffset(a11)
		if diff >= leap {
			out.Month = diff + 10
			out.Leap = diff == leap
		}
	}
	if out.Month > 12 {
		out.Month -= 12
	}
	if out.Month >= 11 && diff < 4 {
		lunarYear--
	}
	out.Year = lunarYear
	return out
}

// FromLunar returns the solar date of a (non-leap unless asked) lunar date;
// ok is false when the year has no such leap month.
func FromLunar(l LunarDate) (d Date, ok bool) {
	var a11, b11 int
	if l.Month < 11 {
		a11, b11 = lunarMonth11(l.Year-1), lunarMonth11(l.Year)
	} else {
		a11, b11 = lunarMonth11(l.Year), lunarMonth11(l.Year+1)
	}
	k := int(math.Floor(0.5 + (float64(a11)-jdEpoch1900)/synodicMonth))
	off := l.Month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		leapOff := leapMonthOffset(a11)
		leapMonth := leapOff - 2
		if leapMonth < 0 {
			leapMonth += 12
		}
		if l.Leap && l.Month != leapMonth {
			return Date{}, false
		}
		if l.Leap || off >= leapOff {
			off++
		}
	} else if l.Leap {
		return Date{}, false
	}
	return dateOfJulianDay(newMoonDay(k+off) + l.Day - 1), true
}

// TetOf returns the first day of the lunar year that starts in solar year y
// (Tết Nguyên Đán).
func TetOf(y int) Date {
	d, _ := FromLunar(LunarDate{Day: 1, Month: 1, Year: y})
	return d
}

// HungKingsDayOf returns Giỗ Tổ Hùng Vương (10th day of the 3rd lunar
// month, never the leap month) of year y.
func HungKingsDayOf(y int) Date {
	d, _ := FromLunar(LunarDate{Day: 10, Month: 3, Year: y})
	return d
}
