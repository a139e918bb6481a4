package services_test

import (
	"context"
	"runtime"
	"testing"

	"kntc/models/modeltest"
	"kntc/services"
)

func TestAdmitReadOnePerCore(t *testing.T) {
	svc := services.New(modeltest.NewDB(t), services.DefaultConfig(), nil)
	if modeltest.Driver() != "sqlite" {
		// PostgreSQL runs reads in its own processes: no turns but for
		// searches.
		for range 100 {
			if release, err := svc.AdmitRead(context.Background(), false); err != nil || release != nil {
				t.Fatalf("a read that is not a search took a turn (%v)", err)
			}
		}
		return
	}
	checkTurns(t, svc, runtime.GOMAXPROCS(0), false)
}

// On PostgreSQL searches take turns, one per two cores (at least one).
func TestAdmitSearchOnePerTwoCores(t *testing.T) {
	if modeltest.Driver() == "sqlite" {
		t.Skip("on SQLite every read takes a turn (TestAdmitReadOnePerCore)")
	}
	svc := services.New(modeltest.NewDB(t), services.DefaultConfig(), nil)
	checkTurns(t, svc, max(1, runtime.GOMAXPROCS(0)/2), true)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if release, err := svc.AdmitRead(cancelled, false); err != nil || release != nil {
		t.Fatalf("a read that is not a search waited or took a turn (%v)", err)
	}
}

// checkTurns checks that n reads (searches when search) are admitted at
// once and no more: one more, whose context has ended, gives up instead
// of waiting, and a turn ended is given to the next.
func checkTurns(t *testing.T, svc *services.Service, n int, search bool) {
	t.Helper()
	var releases []func()
	for range n {
		release, err := svc.AdmitRead(context.Background(), search)
		if err != nil || release == nil {
			t.Fatalf("turn %d: none (%v)", len(releases)+1, err)
		}
		releases = append(releases, release)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := svc.AdmitRead(cancelled, search); err == nil {
		t.Fatalf("a read was admitted beyond %d at once", n)
	}
	releases[0]()
	release, err := svc.AdmitRead(context.Background(), search)
	if err != nil {
		t.Fatalf("a freed turn: %v", err)
	}
	release()
	for _, r := range releases[1:] {
		r()
	}
}
