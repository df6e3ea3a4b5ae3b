# "E" is the month with the izofat (our "alt. month" entries in locale/tg): 20 ноябри соли 2026.
# Django's Tajik module borrows the Russian "г." for the year.
DATE_FORMAT = "j E соли Y"
DATETIME_FORMAT = "j E соли Y, G:i"
YEAR_MONTH_FORMAT = "F соли Y"
MONTH_DAY_FORMAT = "j E"
