# "E" is the month with the izofat (our "alt. month" entries in locale/tg): 24 ноябри 2026.
# Django's Tajik module writes "24 ноябр 2026 г.", borrowing the Russian "г." for the year;
# a month before a year takes the izofat too ("ноябри 2026", not "Ноябр 2026").
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, G:i"
YEAR_MONTH_FORMAT = "E Y"
MONTH_DAY_FORMAT = "j E"
