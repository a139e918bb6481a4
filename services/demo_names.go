package services

// The word lists of the demonstration data (GenerateDemo): Vietnamese
// names, the places of one province, and the templates of subjects and
// document titles. Every text is NFC with full diacritics; demo_test.go
// checks it on the generated records. The province is Tây Ninh with its
// districts before the 2025 reorganisation; the people are invented.

// demoWord is a word with its relative frequency.
type demoWord struct {
	w string
	n int
}

// demoSurnames are family names (họ) with their approximate frequency per mille.
var demoSurnames = []demoWord{
	{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Phan", 45},
	{"Huỳnh", 30}, {"Võ", 30}, {"Đặng", 21}, {"Hoàng", 20}, {"Bùi", 20},
	{"Đỗ", 14}, {"Hồ", 13}, {"Ngô", 13}, {"Dương", 10}, {"Vũ", 9},
	{"Trương", 8}, {"Đinh", 6}, {"Lý", 5}, {"Lâm", 5}, {"Mai", 4},
	{"Cao", 4}, {"Tô", 3}, {"Châu", 3}, {"Lưu", 3}, {"Thái", 2}, {"Tạ", 2},
}

// Middle names (tên đệm); repeats make the common ones likelier.
var (
	demoMiddleMale = []string{"Văn", "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc",
		"Thanh", "Công", "Ngọc", "Hoàng", "Xuân", "Tấn", "Thành", "Trọng"}
	demoMiddleFemale = []string{"Thị", "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh",
		"Kim", "Mỹ", "Phương", "Thùy", "Bích", "Hồng", "Diễm"}
	// demoSecondMiddle is the second middle name some people have
	// (Nguyễn Thị Thùy Dương).
	demoSecondMiddle = []string{"Ngọc", "Thanh", "Minh", "Hoàng", "Kim", "Thùy", "Bảo", "Quang"}
)

// Given names (tên).
var (
	demoGivenMale = []string{"Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Phong",
		"Sơn", "Thắng", "Tâm", "Bình", "Hòa", "Cường", "Đạt", "Khánh", "Lộc", "Phúc",
		"Quang", "Tài", "Thành", "Trung", "Vinh", "Hiếu", "Nghĩa", "Tùng", "Việt", "Hậu",
		"Lâm", "Tín", "Sang", "Phước", "Thịnh", "Toàn", "Kiệt", "Đông", "Hưng", "Lợi",
		"Nhân", "Quý"}
	demoGivenFemale = []string{"Hoa", "Lan", "Hương", "Hằng", "Mai", "Linh", "Nga", "Thảo",
		"Trang", "Yến", "Hạnh", "Nhung", "Loan", "Liên", "Phượng", "Thủy", "Tuyết", "Dung",
		"Hồng", "Vân", "Xuân", "Diệu", "Ngân", "Oanh", "Trinh", "Nhi", "Thư", "Huệ", "Cúc",
		"Đào", "Lệ", "My", "Phụng", "Quyên", "Tâm"}
)

// demoDistrict is a district-level unit and its communes, wards and towns.
type demoDistrict struct {
	name     string
	communes []string
}

// The province of the demonstration data and the first three digits of
// its citizens' identity card numbers (mã tỉnh of the CCCD).
const (
	demoProvince     = "tỉnh Tây Ninh"
	demoProvinceCode = "072"
)

// demoDistricts are the province's districts.
var demoDistricts = []demoDistrict{
	{"thành phố Tây Ninh", []string{"phường 1", "phường 2", "phường 3", "phường IV",
		"phường Hiệp Ninh", "phường Ninh Sơn", "phường Ninh Thạnh", "xã Bình Minh", "xã Thạnh Tân", "xã Tân Bình"}},
	{"thị xã Hòa Thành", []string{"phường Long Hoa", "phường Long Thành Bắc", "phường Long Thành Trung",
		"phường Hiệp Tân", "xã Trường Đông", "xã Trường Hòa", "xã Trường Tây", "xã Long Thành Nam"}},
	{"thị xã Trảng Bàng", []string{"phường Trảng Bàng", "phường An Tịnh", "phường Gia Bình", "phường Gia Lộc",
		"phường Lộc Hưng", "phường An Hòa", "xã Đôn Thuận", "xã Hưng Thuận", "xã Phước Chỉ", "xã Phước Bình"}},
	{"huyện Tân Biên", []string{"thị trấn Tân Biên", "xã Thạnh Tây", "xã Tân Lập", "xã Thạnh Bắc",
		"xã Tân Bình", "xã Thạnh Bình", "xã Hòa Hiệp", "xã Tân Phong", "xã Mỏ Công", "xã Trà Vong"}},
	{"huyện Tân Châu", []string{"thị trấn Tân Châu", "xã Tân Đông", "xã Tân Hòa", "xã Suối Ngô",
		"xã Tân Hưng", "xã Tân Hiệp", "xã Tân Hội", "xã Tân Thành", "xã Tân Phú", "xã Suối Dây", "xã Thạnh Đông", "xã Tân Hà"}},
	{"huyện Dương Minh Châu", []string{"thị trấn Dương Minh Châu", "xã Suối Đá", "xã Phan", "xã Phước Ninh",
		"xã Phước Minh", "xã Bàu Năng", "xã Chà Là", "xã Cầu Khởi", "xã Bến Củi", "xã Lộc Ninh", "xã Truông Mít"}},
	{"huyện Châu Thành", []string{"thị trấn Châu Thành", "xã Hảo Đước", "xã Phước Vinh", "xã Đồng Khởi",
		"xã Thái Bình", "xã An Cơ", "xã Biên Giới", "xã Hòa Thạnh", "xã Trí Bình", "xã Hòa Hội", "xã An Bình",
		"xã Thanh Điền", "xã Thành Long", "xã Ninh Điền", "xã Long Vĩnh"}},
	{"huyện Gò Dầu", []string{"thị trấn Gò Dầu", "xã Thạnh Đức", "xã Cẩm Giang", "xã Hiệp Thạnh",
		"xã Bàu Đồn", "xã Phước Thạnh", "xã Phước Đông", "xã Phước Trạch", "xã Thanh Phước"}},
	{"huyện Bến Cầu", []string{"thị trấn Bến Cầu", "xã Long Chữ", "xã Long Phước", "xã Long Giang",
		"xã Tiên Thuận", "xã Long Khánh", "xã Lợi Thuận", "xã Long Thuận", "xã An Thạnh"}},
}

// demoHamlets name the hamlets (ấp) of rural communes; wards and towns
// have numbered quarters (khu phố) instead.
var demoHamlets = []string{"ấp Bàu Sen", "ấp Thạnh Hòa", "ấp Tân Lợi", "ấp Cây Me", "ấp Long Hải",
	"ấp Trâm Vàng", "ấp Hiệp Trường", "ấp Bến Mương", "ấp Chánh", "ấp Tân Trung", "ấp Đông Hà",
	"ấp Phước Hội", "ấp Thạnh Hiệp", "ấp Suối Bà Chiêm", "ấp Rạch Sơn", "ấp An Lộc", "ấp Bình Phong",
	"ấp Trường Lưu", "ấp Cầu Đúc", "ấp Gò Nổi"}

// demoQuarters are the quarters of wards and towns.
var demoQuarters = []string{"khu phố 1", "khu phố 2", "khu phố 3", "khu phố 4", "khu phố 5", "khu phố 6"}

// demoOutside are places of senders who live in another province, with
// that province's CCCD code.
var demoOutside = []struct{ place, code string }{
	{"xã Mỹ Hạnh Nam, huyện Đức Hòa, tỉnh Long An", "080"},
	{"phường Tân Định, Quận 1, Thành phố Hồ Chí Minh", "079"},
	{"xã Tân Thạnh Đông, huyện Củ Chi, Thành phố Hồ Chí Minh", "079"},
	{"phường Phú Cường, thành phố Thủ Dầu Một, tỉnh Bình Dương", "074"},
	{"xã Tân Thành, huyện Đồng Phú, tỉnh Bình Phước", "070"},
	{"phường Tân Phong, thành phố Biên Hòa, tỉnh Đồng Nai", "075"},
}

// demoMobilePrefixes are the first three digits of Vietnamese mobile numbers.
var demoMobilePrefixes = []string{"090", "091", "093", "094", "096", "097", "098", "086",
	"032", "033", "034", "035", "037", "038", "039", "070", "076", "077", "079", "081",
	"083", "084", "085", "088", "089"}

// demoSubjects are the subject templates of letters (and the matters of
// visits and cases) by domain and kind, in the order of demoDomains and
// demoKinds. {huyện} becomes a district, {xã} a commune with its district.
var demoSubjects = [3][3][]string{
	{ // land
		{ // complaint
			"Khiếu nại quyết định thu hồi đất của UBND {huyện}",
			"Khiếu nại phương án bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất tại {xã}",
			"Khiếu nại việc UBND {huyện} không cấp giấy chứng nhận quyền sử dụng đất",
			"Khiếu nại quyết định giải quyết tranh chấp đất đai của Chủ tịch UBND {huyện}",
			"Khiếu nại quyết định xử phạt vi phạm hành chính về đất đai của Chủ tịch UBND {xã}",
			"Khiếu nại quyết định cưỡng chế thu hồi đất của UBND {huyện}",
			"Khiếu nại việc thu hồi giấy chứng nhận quyền sử dụng đất đã cấp cho gia đình tại {xã}",
		},
		{ // denunciation
			"Tố cáo cán bộ địa chính {xã} sai phạm trong đo đạc, cấp giấy chứng nhận quyền sử dụng đất",
			"Tố cáo Chủ tịch UBND {xã} buông lỏng quản lý, để lấn chiếm đất công",
			"Tố cáo sai phạm trong bồi thường, hỗ trợ giải phóng mặt bằng tại {xã}",
			"Tố cáo việc chuyển mục đích sử dụng đất trái phép tại {xã}",
		},
		{ // petition
			"Kiến nghị cấp giấy chứng nhận quyền sử dụng đất cho gia đình tại {xã}",
			"Phản ánh việc chậm chi trả tiền bồi thường giải phóng mặt bằng tại {xã}",
			"Kiến nghị giải quyết tranh chấp ranh giới đất với hộ liền kề tại {xã}",
			"Kiến nghị bố trí đất tái định cư khi Nhà nước thu hồi đất tại {huyện}",
			"Kiến nghị xem xét lại giá đất bồi thường của dự án trên địa bàn {huyện}",
			"Phản ánh việc san lấp mặt bằng làm ảnh hưởng đất sản xuất tại {xã}",
		},
	},
	{ // civil
		{
			"Khiếu nại việc tổ chức thi hành án của Chi cục Thi hành án dân sự {huyện}",
			"Khiếu nại quyết định cưỡng chế thi hành án dân sự tại {xã}",
			"Khiếu nại việc kê biên, bán đấu giá tài sản để thi hành án",
			"Khiếu nại việc chứng thực hợp đồng chuyển nhượng tại UBND {xã}",
		},
		{
			"Tố cáo hành vi lừa đảo, chiếm đoạt tài sản qua hợp đồng vay tiền",
			"Tố cáo Chấp hành viên Chi cục Thi hành án dân sự {huyện} vi phạm trong thi hành án",
			"Tố cáo hành vi làm giả giấy tờ để chuyển nhượng tài sản tại {xã}",
		},
		{
			"Kiến nghị xem xét lại bản án về tranh chấp thừa kế quyền sử dụng đất",
			"Phản ánh việc chậm tổ chức thi hành bản án dân sự đã có hiệu lực pháp luật",
			"Kiến nghị giải quyết tranh chấp hợp đồng mua bán nhà ở tại {huyện}",
			"Kiến nghị xem xét theo thủ tục giám đốc thẩm bản án dân sự phúc thẩm",
			"Phản ánh việc hòa giải tranh chấp tại {xã} chưa đúng quy định",
		},
	},
	{ // other
		{
			"Khiếu nại quyết định kỷ luật cán bộ, công chức của UBND {huyện}",
			"Khiếu nại việc không giải quyết chế độ chính sách người có công",
			"Khiếu nại việc chi trả trợ cấp bảo hiểm xã hội",
			"Khiếu nại kết quả xét tuyển viên chức ngành giáo dục {huyện}",
			"Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng tại {xã}",
		},
		{
			"Tố cáo Chủ tịch UBND {xã} lợi dụng chức vụ, quyền hạn trong thực thi công vụ",
			"Tố cáo sai phạm trong quản lý, sử dụng ngân sách tại {xã}",
			"Tố cáo cán bộ {xã} nhũng nhiễu, gây khó khăn khi giải quyết thủ tục hành chính",
			"Tố cáo sai phạm trong xét duyệt hộ nghèo tại {xã}",
		},
		{
			"Kiến nghị xử lý ô nhiễm môi trường do cơ sở chăn nuôi tại {xã}",
			"Phản ánh tình trạng xuống cấp của tuyến đường giao thông nông thôn tại {xã}",
			"Kiến nghị xem xét chế độ trợ cấp cho người có công với cách mạng",
			"Phản ánh việc thu các khoản đóng góp không đúng quy định tại {xã}",
			"Kiến nghị hỗ trợ hộ gia đình bị thiệt hại do thiên tai tại {xã}",
			"Phản ánh tiếng ồn, khói bụi từ cơ sở sản xuất gần khu dân cư tại {xã}",
		},
	},
}

// demoForwarders are the bodies that forward letters to the office.
var demoForwarders = []string{
	"Ban Tiếp công dân Trung ương", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
	"Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
	"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Thanh tra tỉnh", "Báo Tây Ninh",
}

// demoAgencies are the competent bodies letters are transferred to, by
// domain; "UBND" plus the sender's district is added to each list.
var demoAgencies = [3][]string{
	{"Sở Tài nguyên và Môi trường", "Thanh tra tỉnh"},
	{"Tòa án nhân dân tỉnh", "Cục Thi hành án dân sự tỉnh", "Viện kiểm sát nhân dân tỉnh", "Công an tỉnh"},
	{"Sở Lao động – Thương binh và Xã hội", "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
		"Sở Xây dựng", "Công an tỉnh", "Thanh tra tỉnh"},
}

// Leaders' titles, and the places where citizens are received.
const (
	demoChairmanTitle     = "Chủ tịch UBND tỉnh"
	demoViceChairmanTitle = "Phó Chủ tịch UBND tỉnh"
	demoReceptionOffice   = "Trụ sở Tiếp công dân tỉnh"
	demoCouncilRoom       = "Phòng họp Văn phòng UBND tỉnh"
)

// demoDelegateTitles are the officials a leader delegates a reception to.
var demoDelegateTitles = []string{"Chánh Thanh tra tỉnh", "Chánh Văn phòng UBND tỉnh", "Trưởng Ban Tiếp công dân tỉnh"}

// demoDocTemplate is the title of an issued document; tail says what
// follows it: "" nothing, "district" a district, "month" the month and
// year, "year" the year.
type demoDocTemplate struct {
	subject string
	tail    string
}

// demoDocs are the document titles by doc type, in the order of demoDocTypes,
// with the symbol after the number (số ký hiệu).
var demoDocs = []struct {
	symbol    string
	templates []demoDocTemplate
}{
	{"QĐ-UBND", []demoDocTemplate{ // decision
		{"Quyết định giải quyết khiếu nại (lần đầu) đối với quyết định thu hồi đất của UBND", "district"},
		{"Quyết định giải quyết khiếu nại (lần hai) về bồi thường, hỗ trợ khi thu hồi đất tại", "district"},
		{"Quyết định thụ lý giải quyết khiếu nại", ""},
		{"Quyết định thành lập Tổ công tác kiểm tra, xác minh nội dung khiếu nại tại", "district"},
		{"Quyết định thành lập Hội đồng tư vấn giải quyết khiếu nại", ""},
		{"Quyết định về việc giải quyết tố cáo", ""},
	}},
	{"UBND-NC", []demoDocTemplate{ // official letter
		{"V/v chuyển đơn của công dân đến cơ quan có thẩm quyền giải quyết", ""},
		{"V/v hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền", ""},
		{"V/v đôn đốc giải quyết đơn khiếu nại, tố cáo của công dân", ""},
		{"V/v giao kiểm tra, xác minh, báo cáo nội dung đơn của công dân ngụ tại", "district"},
		{"V/v báo cáo kết quả giải quyết đơn do Văn phòng UBND tỉnh chuyển đến", ""},
		{"V/v trả lời đơn kiến nghị, phản ánh của công dân", ""},
	}},
	{"BC-UBND", []demoDocTemplate{ // report
		{"Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo", "month"},
		{"Báo cáo kết quả kiểm tra, rà soát vụ việc khiếu nại, tố cáo đông người, phức tạp, kéo dài", ""},
		{"Báo cáo kết quả thực hiện công tác phòng, chống tham nhũng", "month"},
	}},
	{"KH-UBND", []demoDocTemplate{ // plan
		{"Kế hoạch tiếp công dân định kỳ của Chủ tịch UBND tỉnh", "year"},
		{"Kế hoạch kiểm tra, rà soát, giải quyết vụ việc khiếu nại, tố cáo tồn đọng, kéo dài", "year"},
		{"Kế hoạch thanh tra trách nhiệm thực hiện pháp luật về tiếp công dân, giải quyết khiếu nại, tố cáo tại", "district"},
	}},
	{"TB-VP", []demoDocTemplate{ // notice
		{"Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi tiếp công dân định kỳ", "month"},
		{"Thông báo lịch tiếp công dân của lãnh đạo UBND tỉnh", "month"},
		{"Thông báo thụ lý giải quyết khiếu nại", ""},
		{"Thông báo không thụ lý giải quyết khiếu nại", ""},
	}},
	{"BB-VP", []demoDocTemplate{ // minutes
		{"Biên bản đối thoại với người khiếu nại tại", "district"},
		{"Biên bản làm việc với công dân tại Trụ sở Tiếp công dân tỉnh", ""},
		{"Biên bản họp Hội đồng tư vấn giải quyết khiếu nại", ""},
	}},
	{"GM-VP", []demoDocTemplate{ // other
		{"Giấy mời dự buổi đối thoại với người khiếu nại", ""},
		{"Tờ trình về việc giải quyết khiếu nại của công dân ngụ tại", "district"},
	}},
}
