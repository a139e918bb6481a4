package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"kntc/models"
	"kntc/services"
)

// Settings is config.yaml, typed; defaultSettings holds every default.
type Settings struct {
	Server struct {
		Addr           string `yaml:"addr"`
		RateLimit      int    `yaml:"rate_limit"`
		RateLimitBurst int    `yaml:"rate_limit_burst"`
	} `yaml:"server"`
	Database struct {
		Driver string `yaml:"driver"`
		DSN    string `yaml:"dsn"`
	} `yaml:"database"`
	Log struct {
		Level string `yaml:"level"`
	} `yaml:"log"`
	Auth struct {
		TokenTTL         time.Duration `yaml:"token_ttl"`
		BcryptCost       int           `yaml:"bcrypt_cost"`
		LoginMaxFailures int           `yaml:"login_max_failures"`
		LoginLockout     time.Duration `yaml:"login_lockout"`
	} `yaml:"auth"`
	Reporting struct {
		CutoffDay int    `yaml:"cutoff_day"`
		GroupSize int    `yaml:"group_size"`
		Timezone  string `yaml:"timezone"`
	} `yaml:"reporting"`
	Deadlines struct {
		HandlingWorkingDays       int            `yaml:"handling_working_days"`
		ComplaintFirst            limitsYAML     `yaml:"complaint_first"`
		ComplaintSecond           limitsYAML     `yaml:"complaint_second"`
		ComplaintUnit             models.DayUnit `yaml:"complaint_unit"`
		Denunciation              int            `yaml:"denunciation"`
		DenunciationExtensionDays int            `yaml:"denunciation_extension_days"`
		DenunciationUnit          models.DayUnit `yaml:"denunciation_unit"`
	} `yaml:"deadlines"`
	Office struct {
		ParentName  string `yaml:"parent_name"`
		Name        string `yaml:"name"`
		Place       string `yaml:"place"`
		SignerTitle string `yaml:"signer_title"`
		SignerName  string `yaml:"signer_name"`
	} `yaml:"office"`
	Backup struct {
		Interval time.Duration `yaml:"interval"`
		Folder   string        `yaml:"folder"`
		Keep     int           `yaml:"keep"`
	} `yaml:"backup"`
	// AdminPassword comes only from KNTC_ADMIN_PASSWORD, never from the file.
	AdminPassword string `yaml:"-"`
}

// limitsYAML is one instance's complaint time limits in config.yaml.
type limitsYAML struct {
	Normal        int `yaml:"normal"`
	Complex       int `yaml:"complex"`
	Remote        int `yaml:"remote"`
	RemoteComplex int `yaml:"remote_complex"`
}

func defaultSettings() Settings {
	var s Settings
	d := services.DefaultConfig()
	s.Server.Addr = "127.0.0.1:8080"
	s.Server.RateLimit, s.Server.RateLimitBurst = 50, 200
	s.Backup.Folder, s.Backup.Keep = "data/backups", 14
	s.Database.Driver, s.Database.DSN = models.DriverSQLite, "data/kntc.db"
	s.Log.Level = "info"
	s.Auth.TokenTTL, s.Auth.BcryptCost = d.TokenTTL, d.BcryptCost
	s.Auth.LoginMaxFailures, s.Auth.LoginLockout = d.LoginMaxFailures, d.LoginLockout
	s.Reporting.GroupSize = d.GroupSize
	dl := &s.Deadlines
	dl.HandlingWorkingDays = d.HandlingWorkingDays
	dl.ComplaintFirst, dl.ComplaintSecond = limitsYAML(d.Deadlines.ComplaintFirst), limitsYAML(d.Deadlines.ComplaintSecond)
	dl.ComplaintUnit, dl.Denunciation = d.Deadlines.ComplaintUnit, d.Deadlines.Denunciation
	dl.DenunciationExtensionDays, dl.DenunciationUnit = d.Deadlines.DenunciationExtensionDays, d.Deadlines.DenunciationUnit
	s.Reporting.Timezone = "Asia/Ho_Chi_Minh"
	s.Office.ParentName, s.Office.Name, s.Office.SignerTitle = d.Office.ParentName, d.Office.Name, d.Office.SignerTitle
	return s
}

// loadSettings reads the config file (path from --config, else KNTC_CONFIG,
// else ./config.yaml when present), then the KNTC_* variables, then checks.
func loadSettings(path string) (Settings, error) {
	s := defaultSettings()
	explicit := path != ""
	if !explicit {
		path = os.Getenv("KNTC_CONFIG")
		explicit = path != ""
	}
	if path == "" {
		path = "config.yaml"
	}
	raw, err := os.ReadFile(path)
	switch {
	case err == nil:
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)                                             // a misspelt key must stop the start, not be ignored
		if err := dec.Decode(&s); err != nil && !errors.Is(err, io.EOF) { // io.EOF: an empty file
			return s, fmt.Errorf("tệp cấu hình %s: %v", path, err)
		}
	case errors.Is(err, fs.ErrNotExist) && !explicit:
	default:
		return s, fmt.Errorf("không đọc được tệp cấu hình %s: %v", path, err)
	}
	if err := s.applyEnv(os.LookupEnv); err != nil {
		return s, err
	}
	return s, s.Validate()
}

// applyEnv lets KNTC_* variables override the file.
func (s *Settings) applyEnv(lookup func(string) (string, bool)) error {
	strs := map[string]*string{
		"KNTC_ADDR":           &s.Server.Addr,
		"KNTC_DB_DRIVER":      &s.Database.Driver,
		"KNTC_DB_DSN":         &s.Database.DSN,
		"KNTC_LOG_LEVEL":      &s.Log.Level,
		"KNTC_ADMIN_PASSWORD": &s.AdminPassword,
		"KNTC_TIMEZONE":       &s.Reporting.Timezone,
	}
	for k, p := range strs {
		if v, ok := lookup(k); ok {
			*p = v
		}
	}
	ints := map[string]*int{
		"KNTC_REPORTING_CUTOFF_DAY": &s.Reporting.CutoffDay,
		"KNTC_GROUP_SIZE":           &s.Reporting.GroupSize,
		"KNTC_BCRYPT_COST":          &s.Auth.BcryptCost,
		"KNTC_RATE_LIMIT":           &s.Server.RateLimit,
	}
	for k, p := range ints {
		if v, ok := lookup(k); ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("cấu hình sai: %s = %q phải là số nguyên", k, v)
			}
			*p = n
		}
	}
	return nil
}

// Validate checks every setting and names the first bad one with the
// values it allows.
func (s *Settings) Validate() error {
	bad := func(key, env string, v any, allowed string) error {
		return fmt.Errorf("cấu hình sai: %s (%s) = %v; cho phép: %s", key, env, v, allowed)
	}
	switch {
	case strings.TrimSpace(s.Server.Addr) == "":
		return bad("server.addr", "KNTC_ADDR", `""`, "địa chỉ dạng host:cổng, ví dụ 127.0.0.1:8080")
	case s.Database.Driver != models.DriverSQLite && s.Database.Driver != models.DriverPostgres:
		return bad("database.driver", "KNTC_DB_DRIVER", strconv.Quote(s.Database.Driver), "sqlite, postgres")
	case strings.TrimSpace(s.Database.DSN) == "":
		return bad("database.dsn", "KNTC_DB_DSN", `""`, "đường dẫn tệp SQLite hoặc DSN PostgreSQL")
	case !slices.Contains([]string{"debug", "info", "warn", "error"}, s.Log.Level):
		return bad("log.level", "KNTC_LOG_LEVEL", strconv.Quote(s.Log.Level), "debug, info, warn, error")
	case s.Reporting.CutoffDay != 0 && s.Reporting.CutoffDay != 14:
		return bad("reporting.cutoff_day", "KNTC_REPORTING_CUTOFF_DAY", s.Reporting.CutoffDay, "0 (tháng dương lịch), 14 (từ ngày 15 đến ngày 14)")
	case s.Reporting.GroupSize < 2 || s.Reporting.GroupSize > 100:
		return bad("reporting.group_size", "KNTC_GROUP_SIZE", s.Reporting.GroupSize, "2 đến 100")
	case s.Deadlines.HandlingWorkingDays < 1 || s.Deadlines.HandlingWorkingDays > 60:
		return bad("deadlines.handling_working_days", "-", s.Deadlines.HandlingWorkingDays, "1 đến 60")
	case s.Auth.TokenTTL < time.Minute:
		return bad("auth.token_ttl", "-", s.Auth.TokenTTL, "từ 1m trở lên, ví dụ 12h")
	case s.Auth.BcryptCost < 4 || s.Auth.BcryptCost > 16:
		return bad("auth.bcrypt_cost", "KNTC_BCRYPT_COST", s.Auth.BcryptCost, "4 đến 16")
	case s.Auth.LoginMaxFailures < 1:
		return bad("auth.login_max_failures", "-", s.Auth.LoginMaxFailures, "từ 1 trở lên")
	case s.Auth.LoginLockout < time.Second:
		return bad("auth.login_lockout", "-", s.Auth.LoginLockout, "từ 1s trở lên, ví dụ 15m")
	case s.Server.RateLimit < 0:
		return bad("server.rate_limit", "KNTC_RATE_LIMIT", s.Server.RateLimit, "0 (tắt) hoặc số yêu cầu mỗi giây")
	case s.Server.RateLimit > 0 && s.Server.RateLimitBurst < 1:
		return bad("server.rate_limit_burst", "-", s.Server.RateLimitBurst, "từ 1 trở lên")
	case s.Backup.Interval != 0 && s.Backup.Interval < time.Minute:
		return bad("backup.interval", "-", s.Backup.Interval, "0 (tắt) hoặc từ 1m trở lên, ví dụ 24h")
	case s.Backup.Interval != 0 && (s.Backup.Keep < 1 || strings.TrimSpace(s.Backup.Folder) == ""):
		return bad("backup.keep", "-", s.Backup.Keep, "từ 1 trở lên, cùng với backup.folder")
	}
	if err := s.serviceConfig().Deadlines.Validate(); err != nil {
		return fmt.Errorf("cấu hình sai: deadlines: %v", err)
	}
	if _, err := time.LoadLocation(s.Reporting.Timezone); err != nil {
		return bad("reporting.timezone", "KNTC_TIMEZONE", strconv.Quote(s.Reporting.Timezone), "tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh")
	}
	return nil
}

// serviceConfig turns the settings into the services' configuration.
func (s *Settings) serviceConfig() services.Config {
	c := services.DefaultConfig()
	c.GroupSize, c.HandlingWorkingDays, c.CutoffDay = s.Reporting.GroupSize, s.Deadlines.HandlingWorkingDays, s.Reporting.CutoffDay
	dl := s.Deadlines
	c.Deadlines = models.DeadlineRules{ComplaintFirst: models.Limits(dl.ComplaintFirst), ComplaintSecond: models.Limits(dl.ComplaintSecond),
		ComplaintUnit: dl.ComplaintUnit, Denunciation: dl.Denunciation,
		DenunciationExtensionDays: dl.DenunciationExtensionDays, DenunciationUnit: dl.DenunciationUnit}
	c.Location, _ = time.LoadLocation(s.Reporting.Timezone)
	c.TokenTTL, c.BcryptCost = s.Auth.TokenTTL, s.Auth.BcryptCost
	c.LoginMaxFailures, c.LoginLockout = s.Auth.LoginMaxFailures, s.Auth.LoginLockout
	c.Office = services.Office{ParentName: s.Office.ParentName, Name: s.Office.Name, Place: s.Office.Place,
		SignerTitle: s.Office.SignerTitle, SignerName: s.Office.SignerName}
	return c
}
