package services

import (
	"fmt"

	"gorm.io/gorm"

	"kntc/models"
)

// listCountCacheSize bounds the list counts kept: each is a string key and
// a number, and the register's users page through a few dozen lists.
const listCountCacheSize = 1024

// listCountCache keeps the row counts of lists bounded by a period, keyed by
// the count statement (SQL and arguments), while the period's figure
// versions say no row of it has changed. Counting a month of a million
// letters reads its 20,000 index entries (about 1.2 ms of CPU, a third of
// a month's page); readers page through the same closed months again and
// again, and a version read is one indexed row per month.
type listCountCache = versionedCache[string, int64]

// countPeriodSetting marks a query whose rows all lie in one period of the
// date column that versions its table (see countedIn).
const countPeriodSetting = "kntc:count-period"

// periodCount is what countPeriodSetting holds.
type periodCount struct {
	cache *listCountCache
	r     models.DateRange
}

// countedIn marks q, a list filtered to r on column, so that paginate takes
// its count from cache while the figure versions of r's months (every
// month, for an open end) have not moved: the register's first page, with
// no period, counts a million letters in 40 ms. It leaves q as it is when
// column is not the date whose months version q's table
// (models.FigureDate): then a change could escape the counters that the
// cached count is checked on.
func countedIn(q *gorm.DB, cache *listCountCache, column string, r models.DateRange) *gorm.DB {
	if column == "" || models.FigureDate(tableOf(q)) != column {
		return q
	}
	return q.Set(countPeriodSetting, periodCount{cache: cache, r: r})
}

// countRows counts the rows of q into total, through the cache when q is
// marked by countedIn. The version is read before counting, so a count
// stored under it may only be newer than it says (as with the figures).
func countRows(q *gorm.DB, total *int64) error {
	v, ok := q.Get(countPeriodSetting)
	if !ok {
		return q.Count(total).Error
	}
	pc := v.(periodCount)
	version, err := models.FigureVersion(q.Session(&gorm.Session{NewDB: true}), models.FigureGroupOf(tableOf(q)), pc.r.From, pc.r.To)
	if err != nil {
		return err
	}
	// The statement GORM would run names the count; it is run as GORM runs
	// it, not through Raw, whose parsing of "@" or "$1" is its own.
	stmt := q.Session(&gorm.Session{DryRun: true}).Count(total)
	if stmt.Error != nil {
		return stmt.Error
	}
	key := stmt.Statement.SQL.String() + "\x00" + fmt.Sprintf("%#v", stmt.Statement.Vars)
	if n, ok := pc.cache.get(key, version); ok {
		*total = n
		return nil
	}
	if err := q.Count(total).Error; err != nil {
		return err
	}
	pc.cache.put(key, version, *total)
	return nil
}
