package main

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"kntc/models"
	"kntc/services"
)

// backupPrefix starts the name of every scheduled backup, so that pruning
// never touches a file the office put in the folder by hand.
const backupPrefix = "kntc-"

// scheduleBackups takes an online backup every interval until ctx ends and
// keeps only the newest copies. PostgreSQL offices back up with pg_dump.
func scheduleBackups(ctx context.Context, a *app) {
	b := a.settings.Backup
	if b.Interval <= 0 || a.settings.Database.Driver != models.DriverSQLite {
		return
	}
	ticker := time.NewTicker(b.Interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-ticker.C:
			path := filepath.Join(b.Folder, backupPrefix+now.Format("20060102-150405")+".db")
			if err := a.svc.Backup(services.WithActor(ctx, systemActor), path); err != nil {
				a.log.Error("scheduled backup failed", "file", path, "error", err.Error())
				continue
			}
			a.log.Info("scheduled backup written", "file", path)
			if err := pruneBackups(b.Folder, b.Keep); err != nil {
				a.log.Warn("old backups not pruned", "error", err.Error())
			}
		}
	}
}

// pruneBackups deletes the oldest scheduled backups beyond keep; names sort
// by time.
func pruneBackups(folder string, keep int) error {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), backupPrefix) && strings.HasSuffix(e.Name(), ".db") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for len(names) > keep {
		if err := os.Remove(filepath.Join(folder, names[0])); err != nil {
			return err
		}
		names = names[1:]
	}
	return nil
}
