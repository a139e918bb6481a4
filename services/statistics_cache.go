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

// figureParts are the parts of the figures cached apart, each under its
// group's version, with the steps that count it: the letters, and all the
// rest, which a registration does not change.
var figureParts = []struct {
	group models.FigureGroup
	steps func(s *Service) []figureStep
}{
	{models.FigureLetters, func(s *Service) []figureStep { return []figureStep{s.countLetters} }},
	{models.FigureRecords, func(s *Service) []figureStep {
		return []figureStep{s.countVisits, s.countSessions, s.countHostLevels, s.countMeetings, s.countDocuments}
	}},
}

// cachedFigures returns the figures of p, each part from the cache or
// counted. A part's version is read before counting it, so figures stored
// under it may only be newer than it says: a write committed meanwhile
// bumps the version and the next request counts again.
func (s *Service) cachedFigures(ctx context.Context, p Period) (Figures, error) {
	f := newFigures(p)
	for _, part := range figureParts {
		version, err := models.FigureVersion(s.read(ctx), part.group, p.From, p.To)
		if err != nil {
			return Figures{}, models.Internal(err)
		}
		key := figuresKey{from: p.From, to: p.To, today: s.Today(), group: part.group}
		counted, ok := s.figuresCache.get(key, version)
		if !ok {
			if counted, err = s.figures(ctx, p, part.steps(s)); err != nil {
				return counted, err
			}
			s.figuresCache.put(key, version, counted)
		}
		if part.group == models.FigureLetters {
			f.Letters = counted.Letters
		} else {
			letters := f.Letters
			f = counted
			f.Letters = letters
		}
	}
	f.Period = p
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
