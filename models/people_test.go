package models

import "testing"

func TestPersonKeys(t *testing.T) {
	tests := []struct {
		name string
		a, b Person
		same bool
	}{
		{"case, spacing and diacritics", Person{FullName: "NGUYỄN  văn an", Address: "Phường 1, TP. Tây Ninh"},
			Person{FullName: "nguyen van an", Address: "phuong 1 tp tay ninh"}, true},
		{"đ and decomposed input", Person{FullName: "Đặng Thị Đào", Address: "Xã Phước Đông"},
			Person{FullName: "Đặng Thị Đào", Address: "xa phuoc dong"}, true},
		{"different names", Person{FullName: "Nguyễn Văn An"}, Person{FullName: "Nguyễn Văn Anh"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := KeysOf(tc.a), KeysOf(tc.b)
			if (a.Name == b.Name && a.Address == b.Address) != tc.same {
				t.Fatalf("%+v vs %+v", a, b)
			}
		})
	}
	ids := []struct {
		in, want string
	}{
		{"079 123 456 789", "079123456789"}, // CCCD, 12 digits
		{"079.123.456.789", "079123456789"},
		{"290123456", "290123456"}, // CMND, 9 digits: a different number
		{"12-34", ""},              // too short to name anyone
	}
	for _, tc := range ids {
		if got := KeysOf(Person{IDNumber: tc.in}).IDNumber; got != tc.want {
			t.Errorf("id %q: got %q, want %q", tc.in, got, tc.want)
		}
	}
	for in, want := range map[string]string{"+84 912 345 678": "0912345678", "0912.345.678": "0912345678", "84912345678": "0912345678", "113": ""} {
		if got := KeysOf(Person{Phone: in}).Phone; got != want {
			t.Errorf("phone %q: got %q, want %q", in, got, want)
		}
	}
	if KeysOf(Person{FullName: "Nguyễn Văn An"}).Identifiable() || !KeysOf(Person{IDNumber: "290123456"}).Identifiable() {
		t.Error("a bare name does not identify anyone; an ID number does")
	}
}

func TestSubjectSimilarity(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		above bool
	}{
		{"same matter, other wording", "Khiếu nại việc thu hồi đất tại thửa 125", "Đơn khiếu nại về thu hồi đất thửa số 125", true},
		{"without diacritics", "Tố cáo cán bộ địa chính xã Phước Đông", "to cao can bo dia chinh xa phuoc dong", true},
		{"common words alone do not make a match", "Đơn khiếu nại", "Đơn khiếu nại về việc", false},
		{"different matters", "Khiếu nại bồi thường đất đai", "Kiến nghị sửa đường giao thông nông thôn", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SubjectSimilarity(tc.a, tc.b); (got >= SimilarSubjectShare) != tc.above {
				t.Fatalf("similarity %.2f", got)
			}
		})
	}
}
