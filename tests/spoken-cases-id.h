/* Indonesian text and what the voice must say for it: one row a case. */
static const struct spoken_case spoken_id_cases[] = {
	/* Numbers in digits */
	{ "0", "nol" },
	{ "1", "satu" },
	{ "7", "tujuh" },
	{ "10", "sepuluh" },
	{ "11", "sebelas" },
	{ "12", "dua belas" },
	{ "15", "lima belas" },
	{ "19", "sembilan belas" },
	{ "20", "dua puluh" },
	{ "21", "dua puluh satu" },
	{ "45", "empat puluh lima" },
	{ "99", "sembilan puluh sembilan" },
	{ "100", "seratus" },
	{ "101", "seratus satu" },
	{ "110", "seratus sepuluh" },
	{ "111", "seratus sebelas" },
	{ "115", "seratus lima belas" },
	{ "200", "dua ratus" },
	{ "250", "dua ratus lima puluh" },
	{ "999", "sembilan ratus sembilan puluh sembilan" },
	{ "1000", "seribu" },
	{ "1001", "seribu satu" },
	{ "1100", "seribu seratus" },
	{ "1999", "seribu sembilan ratus sembilan puluh sembilan" },
	{ "2000", "dua ribu" },
	{ "2026", "dua ribu dua puluh enam" },
	{ "10000", "sepuluh ribu" },
	{ "11000", "sebelas ribu" },
	{ "12500", "dua belas ribu lima ratus" },
	{ "100000", "seratus ribu" },
	{ "101000", "seratus satu ribu" },
	{ "111111", "seratus sebelas ribu seratus sebelas" },
	{ "999999", "sembilan ratus sembilan puluh sembilan ribu sembilan ratus "
	  "sembilan puluh sembilan" },
	{ "1000000", "satu juta" },
	{ "1000001", "satu juta satu" },
	{ "2500000 orang", "dua juta lima ratus ribu orang" },
	{ "10000000", "sepuluh juta" },
	{ "12345678", "dua belas juta tiga ratus empat puluh lima ribu enam "
	  "ratus tujuh puluh delapan" },
	/* Numbers with thousands separators: the boundaries */
	{ "1.000", "seribu" },
	{ "12.500", "dua belas ribu lima ratus" },
	{ "100.000", "seratus ribu" },
	{ "999.999", "sembilan ratus sembilan puluh sembilan ribu sembilan "
	  "ratus sembilan puluh sembilan" },
	{ "1.000.000", "satu juta" },
	{ "1.000.001", "satu juta satu" },
	{ "1.001.000", "satu juta seribu" },
	{ "1.500.000", "satu juta lima ratus ribu" },
	{ "2.000.000", "dua juta" },
	{ "999.999.999", "sembilan ratus sembilan puluh sembilan juta sembilan "
	  "ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh "
	  "sembilan" },
	{ "1.000.000.000", "satu miliar" },
	{ "1.000.000.001", "satu miliar satu" },
	{ "4.294.967.295", "empat miliar dua ratus sembilan puluh empat juta "
	  "sembilan ratus enam puluh tujuh ribu dua ratus sembilan puluh lima" },
	{ "4.294.967.296", "empat miliar dua ratus sembilan puluh empat juta "
	  "sembilan ratus enam puluh tujuh ribu dua ratus sembilan puluh enam" },
	{ "4.294.967.297", "empat miliar dua ratus sembilan puluh empat juta "
	  "sembilan ratus enam puluh tujuh ribu dua ratus sembilan puluh "
	  "tujuh" },
	{ "10.000.000.000", "sepuluh miliar" },
	{ "1.000.000.000.000", "satu triliun" },
	{ "2.500.000.000.000", "dua triliun lima ratus miliar" },
	{ "999.999.999.999.999", "sembilan ratus sembilan puluh sembilan "
	  "triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus "
	  "sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan "
	  "ribu sembilan ratus sembilan puluh sembilan" },
	{ "1.000.000.000.000.000", "satu kuadriliun" },
	{ "9.223.372.036.854.775.807", "sembilan kuintiliun dua ratus dua "
	  "puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun tiga puluh "
	  "enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh "
	  "puluh lima ribu delapan ratus tujuh" },
	{ "99999999", "sembilan puluh sembilan juta sembilan ratus sembilan "
	  "puluh sembilan ribu sembilan ratus sembilan puluh sembilan" },
	/* Nine digits or more, ungrouped: an identifier (an account) */
	{ "5000000000", "lima nol nol nol nol nol nol nol nol nol" },
	{ "Rp5000000000", "lima miliar rupiah" },
	/* Money */
	{ "Rp0", "nol rupiah" },
	{ "Rp7.000", "tujuh ribu rupiah" },
	{ "Rp30.000", "tiga puluh ribu rupiah" },
	{ "Rp 30.000", "tiga puluh ribu rupiah" },
	{ "Rp42.000,", "empat puluh dua ribu rupiah," },
	{ "Rp150.000", "seratus lima puluh ribu rupiah" },
	{ "Rp600.000,00", "enam ratus ribu rupiah" },
	{ "Rp999.999", "sembilan ratus sembilan puluh sembilan ribu sembilan "
	  "ratus sembilan puluh sembilan rupiah" },
	{ "Rp1.000.000", "satu juta rupiah" },
	{ "Rp1.000.001", "satu juta satu rupiah" },
	{ "Rp1.500.000", "satu juta lima ratus ribu rupiah" },
	{ "Rp10.000.000", "sepuluh juta rupiah" },
	{ "Rp999.999.999", "sembilan ratus sembilan puluh sembilan juta "
	  "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan "
	  "puluh sembilan rupiah" },
	{ "Rp1.000.000.000", "satu miliar rupiah" },
	{ "Rp5.000.000.000", "lima miliar rupiah" },
	{ "Rp2.500,50", "dua ribu lima ratus koma lima nol rupiah" },
	{ "Rp1000000", "satu juta rupiah" },
	{ "Rp30.000/bulan", "tiga puluh ribu rupiah per bulan" },
	{ "Biaya Rp30.000 per penerbitan", "Biaya tiga puluh ribu rupiah per "
	  "penerbitan" },
	{ "Kelas I Rp150.000, Kelas II Rp100.000", "Kelas satu seratus lima "
	  "puluh ribu rupiah, Kelas dua seratus ribu rupiah" },
	/* Decimals, percent, units */
	{ "3,5", "tiga koma lima" },
	{ "0,25", "nol koma dua lima" },
	{ "3,5 kg", "tiga koma lima kilogram" },
	{ "12,75 km", "dua belas koma tujuh lima kilometer" },
	{ "10%", "sepuluh persen" },
	{ "100%", "seratus persen" },
	{ "2,5%", "dua koma lima persen" },
	{ "5 %", "lima persen" },
	{ "iuran 1% dari gaji", "iuran satu persen dari gaji" },
	{ "10 m2", "sepuluh meter persegi" },
	{ "Rp10.000 per m2 luas bangunan", "sepuluh ribu rupiah per meter "
	  "persegi luas bangunan" },
	{ "5 km", "lima kilometer" },
	{ "3 kg", "tiga kilogram" },
	{ "20 cm", "dua puluh sentimeter" },
	{ "2 m", "dua meter" },
	{ "pas foto 3x4", "pas foto tiga kali empat" },
	{ "4x6 cm", "empat kali enam sentimeter" },
	{ "kertas A4", "kertas a empat" },
	/* Ranges */
	{ "1-3 hari", "satu sampai tiga hari" },
	{ "5\xe2\x80\x93" "7 hari", "lima sampai tujuh hari" },
	{ "10 - 14 hari kerja", "sepuluh sampai empat belas hari kerja" },
	{ "Rp10.000-Rp20.000", "sepuluh ribu rupiah sampai dua puluh ribu "
	  "rupiah" },
	/* Ordinals */
	{ "ke-1", "pertama" },
	{ "ke-2", "kedua" },
	{ "ke-3", "ketiga" },
	{ "Ke-3", "ketiga" },
	{ "ke-10", "kesepuluh" },
	{ "ke-11", "kesebelas" },
	{ "ke-17", "ketujuh belas" },
	{ "ke-21", "kedua puluh satu" },
	{ "ke-100", "keseratus" },
	{ "ke-1000", "keseribu" },
	{ "anak ke-2 dari 3 bersaudara", "anak kedua dari tiga bersaudara" },
	/* Times */
	{ "08:00", "pukul delapan" },
	{ "11:00", "pukul sebelas" },
	{ "09.30", "pukul sembilan lewat tiga puluh" },
	{ "9:05", "pukul sembilan lewat lima" },
	{ "12.15", "pukul dua belas lewat lima belas" },
	{ "23:59", "pukul dua puluh tiga lewat lima puluh sembilan" },
	{ "00:00", "pukul nol" },
	{ "07:30:15", "pukul tujuh lewat tiga puluh" },
	{ "pukul 08.00", "pukul delapan" },
	{ "jam 10.00", "jam sepuluh" },
	{ "08:00-12:00", "pukul delapan sampai pukul dua belas" },
	{ "08.00\xe2\x80\x93" "15.00 WIB", "pukul delapan sampai pukul lima "
	  "belas we i be" },
	{ "Buka 08.00 - 16.00", "Buka pukul delapan sampai pukul enam belas" },
	/* Dates */
	{ "2026-12-01", "satu Desember dua ribu dua puluh enam" },
	{ "01-12-2026", "satu Desember dua ribu dua puluh enam" },
	{ "01/12/2026", "satu Desember dua ribu dua puluh enam" },
	{ "1/12/2026", "satu Desember dua ribu dua puluh enam" },
	{ "31.12.2025", "tiga puluh satu Desember dua ribu dua puluh lima" },
	{ "Selasa 01-12-2026", "Selasa, satu Desember dua ribu dua puluh "
	  "enam" },
	{ "Senin, 30/11/2026", "Senin, tiga puluh November dua ribu dua puluh "
	  "enam" },
	{ "Jumat 2027-01-15 09.30", "Jumat, lima belas Januari dua ribu dua "
	  "puluh tujuh pukul sembilan lewat tiga puluh" },
	{ "Tanggal 2026-11-30", "Tanggal tiga puluh November dua ribu dua "
	  "puluh enam" },
	{ "tahun 1945", "tahun seribu sembilan ratus empat puluh lima" },
	/* Legal references */
	{ "UU 24/2013", "Undang-Undang Nomor dua puluh empat Tahun dua ribu "
	  "tiga belas" },
	{ "UU No. 24", "Undang-Undang Nomor dua puluh empat" },
	{ "UU Nomor 24 Tahun 2013", "Undang-Undang Nomor dua puluh empat Tahun "
	  "dua ribu tiga belas" },
	{ "UU Nomor 24/2013", "Undang-Undang Nomor dua puluh empat Tahun dua "
	  "ribu tiga belas" },
	{ "PP 76/2020", "Peraturan Pemerintah Nomor tujuh puluh enam Tahun dua "
	  "ribu dua puluh" },
	{ "Perpres 96/2018", "Peraturan Presiden Nomor sembilan puluh enam "
	  "Tahun dua ribu delapan belas" },
	{ "Permendagri 108/2019", "Peraturan Menteri Dalam Negeri Nomor seratus "
	  "delapan Tahun dua ribu sembilan belas" },
	{ "PMK 81/2024", "Peraturan Menteri Keuangan Nomor delapan puluh satu "
	  "Tahun dua ribu dua puluh empat" },
	{ "Perppu 2/2022", "Peraturan Pemerintah Pengganti Undang-Undang Nomor "
	  "dua Tahun dua ribu dua puluh dua" },
	{ "Perpol 6/2023", "Peraturan Kepolisian Nomor enam Tahun dua ribu dua "
	  "puluh tiga" },
	{ "Permenaker 39/2016", "Peraturan Menteri Ketenagakerjaan Nomor tiga "
	  "puluh sembilan Tahun dua ribu enam belas" },
	{ "UU 1/1974", "Undang-Undang Nomor satu Tahun seribu sembilan ratus "
	  "tujuh puluh empat" },
	{ "Pasal 79A", "Pasal tujuh puluh sembilan a" },
	{ "Pasal 27: pelaporan 60 hari", "Pasal dua puluh tujuh, pelaporan enam "
	  "puluh hari" },
	{ "sesuai Perda", "sesuai Peraturan Daerah" },
	{ "Ditjen Dukcapil Kemendagri", "Direktorat Jenderal Dukcapil "
	  "Kementerian Dalam Negeri" },
	/* Abbreviations */
	{ "Jl. Merdeka No. 1", "Jalan Merdeka Nomor satu" },
	{ "Kab. Sukamaju", "Kabupaten Sukamaju" },
	{ "Kec. Sukamaju Kota", "Kecamatan Sukamaju Kota" },
	{ "Kel. Sukamaju", "Kelurahan Sukamaju" },
	{ "KTP-el Baru", "ka te pe e el Baru" },
	{ "Kartu Keluarga (KK)", "Kartu Keluarga (ka ka)" },
	{ "NPWP", "en pe we pe" },
	{ "SKCK", "es ka ce ka" },
	{ "PBB-P2", "pe be be pe dua" },
	{ "BPJS Kesehatan", "be pe je es Kesehatan" },
	{ "KKN", "KKN" },
	{ "berkas, dll.", "berkas, dan lain-lain" },
	{ "foto, dsb.", "foto, dan sebagainya" },
	{ "Senin s.d. Jumat", "Senin sampai dengan Jumat" },
	{ "dan/atau", "dan atau" },
	{ "RT/RW", "er te er we" },
	{ "kartu AK/I", "kartu a ka satu" },
	{ "SP4N-LAPOR!", "es pe empat en lapor!" },
	/* Roman numerals after a word that counts */
	{ "Kelas I", "Kelas satu" },
	{ "Kelas II", "Kelas dua" },
	{ "Kelas III", "Kelas tiga" },
	{ "Golongan IV", "Golongan empat" },
	{ "Tingkat IX", "Tingkat sembilan" },
	{ "Bab XII", "Bab dua belas" },
	{ "Kelas III,", "Kelas tiga," },
	{ "Hamengku Buwono X", "Hamengku Buwono X" },
	/* Slashes and colons never reach the synthesizer */
	{ "ayah/ibu", "ayah atau ibu" },
	{ "lurah/kepala desa", "lurah atau kepala desa" },
	{ "3/4", "tiga per empat" },
	{ "Layanan: KTP-el Baru", "Layanan, ka te pe e el Baru" },
	{ "Catatan:", "Catatan." },
	/* Identifiers: digit by digit */
	{ "NIK 3201010101900001", "en i ka tiga dua nol satu nol satu nol satu "
	  "nol satu sembilan nol nol nol nol satu" },
	{ "081234567890", "nol delapan satu dua tiga empat lima enam tujuh "
	  "delapan sembilan nol" },
	{ "0812-3456-7890", "nol delapan satu dua tiga empat lima enam tujuh "
	  "delapan sembilan nol" },
	{ "ke nomor yang berakhiran 7890", "ke nomor yang berakhiran tujuh "
	  "delapan sembilan nol" },
	{ "SMS ke 1708", "es em es ke satu tujuh nol delapan" },
	{ "telepon 1500537", "telepon satu lima nol nol lima tiga tujuh" },
	{ "Telepon (0000) 123456", "Telepon (nol nol nol nol) satu dua tiga "
	  "empat lima enam" },
	{ "Kode pos 12345", "Kode pos satu dua tiga empat lima" },
	{ "NPWP 123456789", "en pe we pe satu dua tiga empat lima enam tujuh "
	  "delapan sembilan" },
	{ "3201010101900001", "tiga dua nol satu nol satu nol satu nol satu "
	  "sembilan nol nol nol nol satu" },
	{ "Kode K7M2-QX4P", "Kode ka tujuh em dua ki eks empat pe" },
	{ "VTY6-LH3F", "ve te ye enam el ha tiga ef" },
	{ "3F7K", "tiga ef tujuh ka" },
	{ "4821-0937-55", "empat delapan dua satu nol sembilan tiga tujuh lima "
	  "lima" },
	{ "Kode pemesanan Anda 1234-5678-90", "Kode pemesanan Anda satu dua tiga "
	  "empat lima enam tujuh delapan sembilan nol" },
	/* Ticket letters */
	{ "Nomor Anda A-009", "Nomor Anda a sembilan" },
	{ "Nomor Anda A-012", "Nomor Anda a dua belas" },
	{ "Tiket K-001.", "Tiket ka satu." },
	{ "K-105", "ka seratus lima" },
	{ "B-001", "be satu" },
	{ "A 9", "a sembilan" },
	{ "Nomor antrean A dua belas", "Nomor antrean a dua belas" },
	{ "Nomor antrean ka seratus lima", "Nomor antrean ka seratus lima" },
	/* Every UTF-8 character whole */
	{ "caf\xc3\xa9", "caf\xc3\xa9" },
	{ "A \xe2\x80\x94 B", "A \xe2\x80\x94 B" },
	{ "\xea\xa6\x97\xea\xa6\xae", "\xea\xa6\x97\xea\xa6\xae" },
	{ "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7",
	  "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7" },
	{ "\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xac" },
	{ "Jum\xe2\x80\x99" "at", "Jum\xe2\x80\x99" "at" },
	{ "\xe2\x80\x9c" "Gratis\xe2\x80\x9d", "\xe2\x80\x9c Gratis \xe2\x80\x9d" },
	{ "caf\xc3", "caf" },
	{ "a\xff" "b", "a b" },
	{ "\xc0\xaf", "" },
	{ "\xed\xa0\x80", "" },
	/* Marks, lines and plain words */
	{ "Baris satu\nBaris dua", "Baris satu. Baris dua" },
	{ "Selesai.\nBerikutnya", "Selesai. Berikutnya" },
	{ "pengaduan@sukamajukab.go.id", "pengaduan et sukamajukab titik go "
	  "titik id" },
	{ "www.lapor.go.id", "www titik lapor titik go titik id" },
	{ "tekan # lalu 8", "tekan pagar lalu delapan" },
	{ "tekan *", "tekan bintang" },
	{ "Suami & istri", "Suami dan istri" },
	{ "Buka hari Jum'at", "Buka hari Jum'at" },
	{ "3 orang di depan Anda", "tiga orang di depan Anda" },
	{ "Direktorat Jenderal Pajak - KPP Pratama", "Direktorat Jenderal Pajak, "
	  "ka pe pe Pratama" },
	{ "", "" },
	{ "   ", "" },
};
