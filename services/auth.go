package services

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"kntc/models"
)

// LoginResult is the answer to a successful login.
type LoginResult struct {
	Token     string      `json:"token"`
	ExpiresAt time.Time   `json:"expires_at"`
	User      models.User `json:"user"`
}

// dummyHash is compared against when the username is unknown, so that a
// login takes the same time whether or not the user exists.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("kntc-timing-equaliser"), bcrypt.DefaultCost)

// Login checks a username and password and issues a token. Failures are
// counted per username and per client address; too many lock both for a while.
func (s *Service) Login(ctx context.Context, username, password, clientAddr string) (LoginResult, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	now := s.now()
	keys := []string{"u:" + username, "a:" + clientAddr}
	for _, k := range keys {
		if wait := s.throttle.lockedFor(k, now); wait > 0 {
			mins := int(math.Ceil(wait.Minutes()))
			return LoginResult{}, models.Errorf(models.CodeUnauthorized,
				"Đăng nhập sai quá nhiều lần; tài khoản tạm khóa, vui lòng thử lại sau %d phút.", mins)
		}
	}
	var u models.User
	err := s.read(ctx).Where("username = ?", username).First(&u).Error
	hash := dummyHash
	if err == nil {
		hash = []byte(u.PasswordHash)
	} else if !errors.Is(err, gorm.ErrRecordNotFound) {
		return LoginResult{}, models.Internal(err)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || err != nil || !u.Active {
		for _, k := range keys {
			s.throttle.fail(k, now, s.cfg.LoginMaxFailures, s.cfg.LoginLockout)
		}
		_ = s.write(ctx, func(tx *gorm.DB) error {
			return s.audit(tx, Actor{}, ActionLoginFailed, "user", u.ID, nil, "")
		})
		return LoginResult{}, models.Errorf(models.CodeUnauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.")
	}
	for _, k := range keys {
		s.throttle.succeed(k)
	}
	token, res := newToken(), LoginResult{User: u, ExpiresAt: now.Add(s.cfg.TokenTTL).UTC().Truncate(time.Second)}
	err = s.write(ctx, func(tx *gorm.DB) error {
		t := models.AuthToken{TokenHash: hashToken(token), UserID: u.ID, ExpiresAt: res.ExpiresAt}
		if err := tx.Create(&t).Error; err != nil {
			return err
		}
		return s.audit(tx, actorOf(u), ActionLogin, "user", u.ID, nil, "")
	})
	if err != nil {
		return LoginResult{}, err
	}
	res.Token = token
	return res, nil
}

// Authenticate returns the user a token belongs to, if it is valid.
func (s *Service) Authenticate(ctx context.Context, token string) (Actor, error) {
	unauthorized := models.Errorf(models.CodeUnauthorized, "Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.")
	if token == "" {
		return Actor{}, unauthorized
	}
	hash, now := hashToken(token), s.now()
	if a, ok := s.tokens.get(hash, now); ok {
		return a, nil
	}
	generation := s.tokens.current()
	var u models.User
	err := s.read(ctx).Joins("JOIN auth_tokens ON auth_tokens.user_id = users.id").
		Where("auth_tokens.token_hash = ? AND auth_tokens.expires_at > ? AND users.active = ?", hash, now.UTC(), true).
		First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Actor{}, unauthorized
	}
	if err != nil {
		return Actor{}, models.Internal(err)
	}
	a := actorOf(u)
	s.tokens.put(hash, a, now, generation)
	return a, nil
}

// Logout ends the token.
func (s *Service) Logout(ctx context.Context, token string) error {
	a, _ := ActorFrom(ctx)
	hash := hashToken(token)
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("token_hash = ?", hash).Delete(&models.AuthToken{}).Error; err != nil {
			return err
		}
		return s.audit(tx, a, ActionLogout, "user", a.ID, nil, "")
	})
	s.tokens.forget(hash) // after the commit, as UpdateUser
	return err
}

// Me returns the acting user.
func (s *Service) Me(ctx context.Context) (models.User, error) {
	a, ok := ActorFrom(ctx)
	if !ok {
		return models.User{}, models.Errorf(models.CodeUnauthorized, "Vui lòng đăng nhập.")
	}
	var u models.User
	if err := s.read(ctx).First(&u, a.ID).Error; err != nil {
		return u, models.AsError(err)
	}
	return u, nil
}

// EnsureAdmin creates user admin on an empty user table. With an empty
// password it generates one and returns it, to be shown once.
func (s *Service) EnsureAdmin(ctx context.Context, password string) (created bool, generated string, err error) {
	var n int64
	if err := s.read(ctx).Model(&models.User{}).Count(&n).Error; err != nil {
		return false, "", models.Internal(err)
	}
	if n > 0 {
		return false, "", nil
	}
	if password == "" {
		generated = newToken()[:16]
		password = generated
	}
	_, err = s.createUser(ctx, Actor{Username: "system"}, UserInput{Username: "admin", FullName: "Quản trị hệ thống",
		Role: models.RoleAdmin, Password: password})
	if err != nil {
		return false, "", err
	}
	return true, generated, nil
}

func actorOf(u models.User) Actor {
	return Actor{ID: u.ID, Username: u.Username, FullName: u.FullName, Role: u.Role}
}

func newToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand failed: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
