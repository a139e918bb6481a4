package services

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShorten(t *testing.T) {
	long := strings.Repeat("khiếu nại ", 30)
	tests := []struct {
		name, in, want string
	}{
		{"short text stays, spaces folded", "  Đề nghị   xem xét\n lại ", "Đề nghị xem xét lại"},
		{"long text is cut at a word with an ellipsis", long, strings.TrimSpace(strings.Repeat("khiếu nại ", 5)) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := shorten(tc.in, 50)
			if got != tc.want || utf8.RuneCountInString(got) > 50 {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}
