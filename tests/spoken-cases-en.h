/* English text and what the voice must say for it: one row a case. */
static const struct spoken_case spoken_en_cases[] = {
	/* Numbers in digits */
	{ "0", "zero" },
	{ "1", "one" },
	{ "7", "seven" },
	{ "10", "ten" },
	{ "11", "eleven" },
	{ "12", "twelve" },
	{ "13", "thirteen" },
	{ "19", "nineteen" },
	{ "20", "twenty" },
	{ "21", "twenty-one" },
	{ "45", "forty-five" },
	{ "99", "ninety-nine" },
	{ "100", "one hundred" },
	{ "101", "one hundred and one" },
	{ "110", "one hundred and ten" },
	{ "111", "one hundred and eleven" },
	{ "200", "two hundred" },
	{ "250", "two hundred and fifty" },
	{ "999", "nine hundred and ninety-nine" },
	{ "1000", "one thousand" },
	{ "1001", "one thousand and one" },
	{ "1100", "one thousand one hundred" },
	{ "1999", "one thousand nine hundred and ninety-nine" },
	{ "2000", "two thousand" },
	{ "2026", "two thousand and twenty-six" },
	{ "10000", "ten thousand" },
	{ "12500", "twelve thousand five hundred" },
	{ "21000", "twenty-one thousand" },
	{ "100000", "one hundred thousand" },
	{ "999999", "nine hundred and ninety-nine thousand nine hundred and "
	  "ninety-nine" },
	{ "1000000", "one million" },
	{ "1000001", "one million and one" },
	{ "2500000 people", "two million five hundred thousand people" },
	{ "12345678", "twelve million three hundred and forty-five thousand six "
	  "hundred and seventy-eight" },
	/* Numbers with thousands separators: the boundaries */
	{ "1,000", "one thousand" },
	{ "12,500", "twelve thousand five hundred" },
	{ "999,999", "nine hundred and ninety-nine thousand nine hundred and "
	  "ninety-nine" },
	{ "1,000,000", "one million" },
	{ "1,000,001", "one million and one" },
	{ "1,000,100", "one million one hundred" },
	{ "2,000,050", "two million and fifty" },
	{ "1,500,000", "one million five hundred thousand" },
	{ "999,999,999", "nine hundred and ninety-nine million nine hundred and "
	  "ninety-nine thousand nine hundred and ninety-nine" },
	{ "1,000,000,000", "one billion" },
	{ "1,000,000,001", "one billion and one" },
	{ "4,294,967,295", "four billion two hundred and ninety-four million "
	  "nine hundred and sixty-seven thousand two hundred and ninety-five" },
	{ "4,294,967,296", "four billion two hundred and ninety-four million "
	  "nine hundred and sixty-seven thousand two hundred and ninety-six" },
	{ "4,294,967,297", "four billion two hundred and ninety-four million "
	  "nine hundred and sixty-seven thousand two hundred and ninety-seven" },
	{ "10,000,000,000", "ten billion" },
	{ "1,000,000,000,000", "one trillion" },
	{ "2,500,000,000,000", "two trillion five hundred billion" },
	{ "999,999,999,999,999", "nine hundred and ninety-nine trillion nine "
	  "hundred and ninety-nine billion nine hundred and ninety-nine million "
	  "nine hundred and ninety-nine thousand nine hundred and ninety-nine" },
	{ "1,000,000,000,000,000", "one quadrillion" },
	{ "9,223,372,036,854,775,807", "nine quintillion two hundred and "
	  "twenty-three quadrillion three hundred and seventy-two trillion "
	  "thirty-six billion eight hundred and fifty-four million seven hundred "
	  "and seventy-five thousand eight hundred and seven" },
	{ "99999999", "ninety-nine million nine hundred and ninety-nine "
	  "thousand nine hundred and ninety-nine" },
	/* Nine digits or more, ungrouped: an identifier (an account) */
	{ "5000000000", "five zero zero zero zero zero zero zero zero zero" },
	{ "Rp5000000000", "five billion rupiah" },
	/* Money */
	{ "Rp0", "zero rupiah" },
	{ "Rp7,000", "seven thousand rupiah" },
	{ "Rp30,000 per certificate", "thirty thousand rupiah per certificate" },
	{ "Rp 30,000", "thirty thousand rupiah" },
	{ "Rp42,000, of which", "forty-two thousand rupiah, of which" },
	{ "Rp150,000", "one hundred and fifty thousand rupiah" },
	{ "Fee: Rp 600,000.00.", "Fee, six hundred thousand rupiah." },
	{ "Rp999,999", "nine hundred and ninety-nine thousand nine hundred and "
	  "ninety-nine rupiah" },
	{ "Rp1,000,000", "one million rupiah" },
	{ "Rp1,000,001", "one million and one rupiah" },
	{ "Rp1,500,000", "one million five hundred thousand rupiah" },
	{ "Rp10,000,000", "ten million rupiah" },
	{ "Rp1,000,000,000", "one billion rupiah" },
	{ "Rp2,500.50", "two thousand five hundred point five zero rupiah" },
	{ "Rp1000000", "one million rupiah" },
	{ "Rp30,000/month", "thirty thousand rupiah per month" },
	{ "Class I Rp150,000, Class II Rp100,000", "Class one one hundred and "
	  "fifty thousand rupiah, Class two one hundred thousand rupiah" },
	/* Decimals, percent, units */
	{ "3.5", "three point five" },
	{ "0.25", "zero point two five" },
	{ "9.5", "nine point five" },
	{ "3.5 kg", "three point five kilograms" },
	{ "12.75 km", "twelve point seven five kilometres" },
	{ "10%", "ten percent" },
	{ "100%", "one hundred percent" },
	{ "2.5%", "two point five percent" },
	{ "5 %", "five percent" },
	{ "10 m2", "ten square metres" },
	{ "Rp10,000 per m2 of floor area", "ten thousand rupiah per square "
	  "metre of floor area" },
	{ "1 kg", "one kilogram" },
	{ "1.5 kg", "one point five kilograms" },
	{ "5 km", "five kilometres" },
	{ "3 kg", "three kilograms" },
	{ "20 cm", "twenty centimetres" },
	{ "photo 3x4", "photo three by four" },
	{ "4x6 cm", "four by six centimetres" },
	{ "A4 paper", "eh four paper" },
	/* Ranges */
	{ "1-3 days", "one to three days" },
	{ "5\xe2\x80\x93" "7 days", "five to seven days" },
	{ "10 - 14 working days", "ten to fourteen working days" },
	/* Ordinals */
	{ "1st", "first" },
	{ "2nd", "second" },
	{ "3rd", "third" },
	{ "4th", "fourth" },
	{ "5th", "fifth" },
	{ "8th", "eighth" },
	{ "9th", "ninth" },
	{ "11th", "eleventh" },
	{ "12th", "twelfth" },
	{ "13th", "thirteenth" },
	{ "20th", "twentieth" },
	{ "21st", "twenty-first" },
	{ "22nd", "twenty-second" },
	{ "23rd", "twenty-third" },
	{ "30th", "thirtieth" },
	{ "40th", "fortieth" },
	{ "100th", "one hundredth" },
	{ "101st", "one hundred and first" },
	{ "1000th", "one thousandth" },
	{ "the 3rd floor", "the third floor" },
	/* Times */
	{ "08:00", "eight o'clock" },
	{ "11:00", "eleven o'clock" },
	{ "09.30", "nine thirty" },
	{ "09:30", "nine thirty" },
	{ "9:05", "nine oh five" },
	{ "12.15", "twelve fifteen" },
	{ "23:59", "eleven fifty-nine p.m." },
	{ "12:00", "twelve o'clock" },
	{ "12:30", "twelve thirty" },
	{ "13:00", "one p.m." },
	{ "14:05", "two oh five p.m." },
	{ "07:30:15", "seven thirty" },
	{ "at 10:00", "at ten o'clock" },
	{ "08:00-12:00", "eight o'clock to twelve o'clock" },
	{ "08.00\xe2\x80\x93" "15.00 WIB", "eight o'clock to three p.m. "
	  "double-u i bee" },
	/* Dates */
	{ "2026-12-01", "the first of December two thousand and twenty-six" },
	{ "01-12-2026", "the first of December two thousand and twenty-six" },
	{ "01/12/2026", "the first of December two thousand and twenty-six" },
	{ "31.12.2025", "the thirty-first of December two thousand and "
	  "twenty-five" },
	{ "Tuesday 01-12-2026", "Tuesday, the first of December two thousand "
	  "and twenty-six" },
	{ "Monday, 30/11/2026", "Monday, the thirtieth of November two thousand "
	  "and twenty-six" },
	{ "on 2027-01-01", "on the first of January two thousand and "
	  "twenty-seven" },
	{ "Friday 2027-01-15 09:30", "Friday, the fifteenth of January two "
	  "thousand and twenty-seven nine thirty" },
	{ "since 1945", "since one thousand nine hundred and forty-five" },
	/* Legal references */
	{ "Law 24/2013", "Law number twenty-four of two thousand and thirteen" },
	{ "Government Regulation 76/2020", "Government Regulation number "
	  "seventy-six of two thousand and twenty" },
	{ "Presidential Regulation 96/2018", "Presidential Regulation number "
	  "ninety-six of two thousand and eighteen" },
	{ "Law 1/1974", "Law number one of nineteen seventy-four" },
	{ "Law 6/1983", "Law number six of nineteen eighty-three" },
	{ "Law 2/1900", "Law number two of nineteen hundred" },
	{ "Law 2/1905", "Law number two of nineteen oh five" },
	{ "Law 2/2002", "Law number two of two thousand and two" },
	{ "on 17/08/1945", "on the seventeenth of August nineteen forty-five" },
	{ "Law No. 24", "Law number twenty-four" },
	{ "Law number 24/2013", "Law number twenty-four of two thousand and "
	  "thirteen" },
	{ "Article 79A", "Article seventy-nine eh" },
	{ "Article 27: report within 60 days", "Article twenty-seven, report "
	  "within sixty days" },
	{ "Answer Yes or No.", "Answer Yes or No." },
	/* Abbreviations */
	{ "Jl. Merdeka No. 1", "Jalan Merdeka number one" },
	{ "KTP-el", "kay tee pee e el" },
	{ "Family Card (KK)", "Family Card (kay kay)" },
	{ "SKCK", "ess kay see kay" },
	{ "NPWP", "en pee double-u pee" },
	{ "PBB-P2", "pee bee bee pee two" },
	{ "e.g. a passport", "for example a passport" },
	{ "i.e. the office", "that is the office" },
	{ "photos, etc.", "photos, et cetera" },
	{ "approx. 30 minutes", "approximately thirty minutes" },
	{ "and/or", "and or" },
	{ "the AK/I card", "the eh kay one card" },
	{ "SP4N-LAPOR!", "ess pee four en lapor!" },
	{ "RT/RW", "ar tee ar double-u" },
	/* Roman numerals after a word that counts */
	{ "Class I", "Class one" },
	{ "Class II", "Class two" },
	{ "Class III", "Class three" },
	{ "Grade IV", "Grade four" },
	{ "Level IX", "Level nine" },
	{ "Chapter XII", "Chapter twelve" },
	{ "Class III,", "Class three," },
	{ "King Charles III", "King Charles III" },
	/* Slashes and colons never reach the synthesizer */
	{ "parent/guardian", "parent or guardian" },
	{ "village/ward head", "village or ward head" },
	{ "3/4", "three per four" },
	{ "Service: New Card", "Service, New Card" },
	{ "Note:", "Note." },
	/* Identifiers: digit by digit */
	{ "NIK 3201010101900001", "en i kay three two zero one zero one zero "
	  "one zero one nine zero zero zero zero one" },
	{ "Call 081234567890", "Call zero eight one two three four five six "
	  "seven eight nine zero" },
	{ "0812-3456-7890", "zero eight one two three four five six seven "
	  "eight nine zero" },
	{ "to the number ending in 7890", "to the number ending in seven eight "
	  "nine zero" },
	{ "SMS to 1708", "ess em ess to one seven zero eight" },
	{ "phone 1500537", "phone one five zero zero five three seven" },
	{ "Phone (0000) 123456", "Phone (zero zero zero zero) one two three "
	  "four five six" },
	{ "Booking code 12345678", "Booking code one two three four five six "
	  "seven eight" },
	{ "3201010101900001", "three two zero one zero one zero one zero one "
	  "nine zero zero zero zero one" },
	{ "Code K7M2-QX4P", "Code kay seven em two cue ex four pee" },
	{ "VTY6-LH3F", "vee tee why six el aitch three ef" },
	{ "3F7K", "three ef seven kay" },
	{ "4821-0937-55", "four eight two one zero nine three seven five five" },
	{ "Your booking code is 1234-5678-90", "Your booking code is one two three "
	  "four five six seven eight nine zero" },
	/* Ticket letters */
	{ "Your number is A-009", "Your number is eh nine" },
	{ "Your number is A-012", "Your number is eh twelve" },
	{ "Your number is K-105", "Your number is kay one hundred and five" },
	{ "Ticket K-001.", "Ticket kay one." },
	{ "B-001", "bee one" },
	{ "E-003", "e three" },
	{ "A 9", "eh nine" },
	{ "Ticket A one, please go to counter one", "Ticket eh one, please go "
	  "to counter one" },
	{ "Ticket A twenty-one", "Ticket eh twenty-one" },
	{ "A fee is due", "A fee is due" },
	{ "A 5 day course", "A five day course" },
	{ "A 5-day course", "A five day course" },
	{ "A hundred people came", "A hundred people came" },
	{ "Ticket A 9 is called", "Ticket eh nine is called" },
	{ "Calling A 12 to counter 3", "Calling eh twelve to counter three" },
	{ "Take a number", "Take a number" },
	/* Every UTF-8 character whole */
	{ "caf\xc3\xa9", "caf\xc3\xa9" },
	{ "na\xc3\xafve", "na\xc3\xafve" },
	{ "A \xe2\x80\x94 B", "A \xe2\x80\x94 B" },
	{ "\xea\xa6\xb1\xea\xa6\xb8\xea\xa6\xab", "\xea\xa6\xb1\xea\xa6\xb8\xea"
	  "\xa6\xab" },
	{ "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "\xd8\xb3\xd9\x84\xd8\xa7\xd9"
	  "\x85" },
	{ "\xf0\x9f\x99\x82", "\xf0\x9f\x99\x82" },
	{ "caf\xc3", "caf" },
	{ "a\xff" "b", "a b" },
	{ "\xf5\x80\x80\x80", "" },
	/* Marks, lines and plain words */
	{ "Line one\nLine two", "Line one. Line two" },
	{ "Done.\nNext", "Done. Next" },
	{ "complaints@sukamajukab.go.id", "complaints at sukamajukab dot go dot "
	  "id" },
	{ "www.lapor.go.id", "www dot lapor dot go dot id" },
	{ "press # then 8", "press hash then eight" },
	{ "press *", "press star" },
	{ "Husband & wife", "Husband and wife" },
	{ "don't wait", "don't wait" },
	{ "Parents' marriage book", "Parents' marriage book" },
	{ "the 'old' card", "the ' old' card" },
	{ "about 25 minutes", "about twenty-five minutes" },
	{ "3 people ahead of you", "three people ahead of you" },
	{ "Directorate General of Taxes - KPP Pratama", "Directorate General of "
	  "Taxes, kay pee pee Pratama" },
	{ "", "" },
};
