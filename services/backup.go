package services

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"gorm.io/gorm"

	"kntc/models"
)

// Backup writes a consistent copy of the SQLite database to path while the
// server keeps running: VACUUM INTO reads one snapshot of the WAL database
// and writes a compact, self-contained file. Admins only. PostgreSQL is
// backed up with its own tools (pg_dump), as docs/deployment.md says.
func (s *Service) Backup(ctx context.Context, path string) error {
	a, err := require(ctx, models.PermBackup)
	if err != nil {
		return err
	}
	if !s.sqlite {
		return models.Errorf(models.CodeInvalid, "Sao lưu PostgreSQL bằng pg_dump; lệnh backup chỉ dành cho SQLite.")
	}
	if _, err := os.Stat(path); err == nil {
		return models.Errorf(models.CodeConflict, "Tệp %s đã có; chọn tên khác để không ghi đè bản sao lưu cũ.", path)
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return models.Internal(err)
		}
	}
	if err := s.read(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
		return models.Internal(fmt.Errorf("vacuum into: %w", err))
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		return s.audit(tx, a, "backup", "database", 0, nil, filepath.Base(path))
	})
}

// CheckBackup opens a backup file read-only and checks that it is an intact
// kntc database: SQLite's integrity check passes and the contract tables
// are there.
func CheckBackup(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("không đọc được tệp sao lưu %s: %v", path, err)
	}
	db, err := models.OpenSQLiteReadOnly(path)
	if err != nil {
		return fmt.Errorf("tệp %s không phải cơ sở dữ liệu SQLite: %v", path, err)
	}
	defer func() {
		if sqlDB, err := db.DB(); err == nil {
			_ = sqlDB.Close()
		}
	}()
	var result string
	if err := db.Raw("PRAGMA integrity_check").Scan(&result).Error; err != nil {
		return fmt.Errorf("tệp %s không phải cơ sở dữ liệu SQLite hợp lệ: %v", path, err)
	}
	if result != "ok" {
		return fmt.Errorf("tệp %s bị hỏng: %s", path, result)
	}
	for _, table := range []string{"letters", "users", "audit_entries", "cases", "reception_visits"} {
		if !db.Migrator().HasTable(table) {
			return errors.New("tệp " + path + " không phải bản sao lưu của kntc (thiếu bảng " + table + ")")
		}
	}
	return nil
}
