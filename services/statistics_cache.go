package services

import (
	"context"
	"maps"

	"kntc/models"
)

// figuresCacheSize bounds the parts of periods kept (two a period): a year
// of months, quarters and the periods they are compared with, for a few
// days of "today".
const figuresCacheSize = 512

// figuresCache keeps the figures of recent periods while the database says
// nothing they count has changed (models.FigureVersion). A month's figures
// at a million letters cost about 20 ms of CPU and a year's 250; the office
// asks for the same few periods again and again (the dashboard, each
// report's three periods), so most requests are answered by one indexed
// read of the version counters instead.
type figuresCache = versionedCache[figuresKey, Figures]

// newFiguresCache returns an empty figures cache.
func newFiguresCache() *figuresCache {
	return &figuresCache{size: figuresCacheSize, copyOf: Figures.clone}
}

// figuresKey names one part of one period's figures. Today is part of it:
// the count of overdue letters depends on it.
type figuresKey struct {
	from, to, today models.Date
	group           models.FigureGroup
}

// cachedFigures returns the figures of p in two parts, cached apart, each
// under its group's version: the letters, and all the rest, which a
// registration does not change.
func (s *Service) cachedFigures(ctx context.Context, p Period) (Figures, error) {
	letters, err := s.cachedPart(ctx, p, models.FigureLetters, s.countLetters)
	if err != nil {
		return letters, err
	}
	f, err := s.cachedPart(ctx, p, models.FigureRecords,
		s.countVisits, s.countSessions, s.countHostLevels, s.countMeetings, s.countDocuments)
	if err != nil {
		return f, err
	}
	f.Letters = letters.Letters
	f.Period = p
	return f, nil
}

// cachedPart returns the figures of p that steps count, from the cache or
// counted. The group's version is read before counting, so figures stored
// under it may only be newer than it says: a write committed meanwhile
// bumps the version and the next request counts again.
func (s *Service) cachedPart(ctx context.Context, p Period, group models.FigureGroup, steps ...figureStep) (Figures, error) {
	version, err := models.FigureVersion(s.read(ctx), group, p.From, p.To)
	if err != nil {
		return Figures{}, models.Internal(err)
	}
	key := figuresKey{from: p.From, to: p.To, today: s.Today(), group: group}
	if f, ok := s.figuresCache.get(key, version); ok {
		return f, nil
	}
	f, err := s.figures(ctx, p, steps)
	if err != nil {
		return f, err
	}
	s.figuresCache.put(key, version, f)
	return f, nil
}

// clone returns a copy of f that shares no map with it, so that a caller
// may change what it was given without changing the cache.
func (f Figures) clone() Figures {
	c := f
	c.Letters.BySource = maps.Clone(f.Letters.BySource)
	c.Letters.ByDomain = maps.Clone(f.Letters.ByDomain)
	c.Letters.ByKind = maps.Clone(f.Letters.ByKind)
	c.Letters.ByOutcome = maps.Clone(f.Letters.ByOutcome)
	c.Letters.DomainKind = cloneNested(f.Letters.DomainKind)
	c.Letters.OutcomeKind = cloneNested(f.Letters.OutcomeKind)
	c.Reception.ByHostLevel = maps.Clone(f.Reception.ByHostLevel)
	c.Documents.ByType = maps.Clone(f.Documents.ByType)
	return c
}

// cloneNested copies a map of maps.
func cloneNested(m map[string]map[string]int) map[string]map[string]int {
	if m == nil {
		return nil
	}
	out := make(map[string]map[string]int, len(m))
	for k, v := range m {
		out[k] = maps.Clone(v)
	}
	return out
}
