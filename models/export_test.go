package models

// SetSearchSideDir moves the file a SearchSide will create, so that tests
// can make its creation fail.
func SetSearchSideDir(s *SearchSide, dir string) { s.dir = dir }
