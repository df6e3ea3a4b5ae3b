"""How the search reads a word: the normaliser, the spelling bridges, the Tajik suffix rule, word forms."""

import pytest

from home.search_text import edit_distance, fold, keys, normalise, tajik_stem, words


def key_set(text, language="tg"):
    return {key for word in words(text) for key in keys(word, language)}


def meet(first, second, language="tg"):
    return bool(key_set(first, language) & key_set(second, language))


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("Тoҷикистон", "тоҷикистон"),  # Latin o
        ("ТAҶИК", "таҷик"),  # Latin A in capitals
        ("cиёсат", "сиёсат"),  # Latin c
        ("һокимият", "ҳокимият"),  # Kazakh һ
        ("Һамкорӣ", "ҳамкорӣ"),
        ("байналмилали\u0304", "байналмилалӣ"),  # и + combining macron
        ("Гуру\u0304ҳ", "гурӯҳ"),  # у + combining macron
        ("доно\u0301р", "донор"),  # a stress mark
        ("Khujand", "khujand"),  # Latin words stay Latin
    ],
)
def test_the_normaliser_repairs_what_keyboards_and_paste_do(typed, normalised):
    assert words(typed) == [normalised]


def test_the_normaliser_is_nfc():
    assert normalise("\u0438\u0306") == "й"  # и + breve


@pytest.mark.parametrize(("letter", "folded"), list(zip("ғӣқӯҳҷё", "гикухче", strict=True)))
def test_each_tajik_letter_folds_to_its_russian_keyboard_letter(letter, folded):
    assert fold(letter) == folded
    assert meet(f"а{letter}ад", f"а{folded}ад")


def test_folding_keeps_the_exact_spelling_as_the_best_key():
    assert keys("ҳокимият", "tg")["ҳокимият"] == 4
    assert keys("ҳокимият", "tg")["хокимият"] == 3


@pytest.mark.parametrize("spelling", ["Хуҷанд", "Худжанд", "Хучанд", "Khujand", "Hujand", "Khudjand"])
def test_latin_and_russian_spellings_meet_the_tajik_one(spelling):
    assert meet(spelling, "Хуҷанд")


@pytest.mark.parametrize(
    ("latin", "cyrillic"), [("hamkori", "Ҳамкорӣ"), ("Dushanbe", "Душанбе"), ("Bokhtar", "Бохтар")]
)
def test_latin_words_find_cyrillic_text(latin, cyrillic):
    assert meet(latin, cyrillic)


def test_bridges_do_not_join_different_words():
    assert not meet("Хуҷанд", "Душанбе")
    assert not meet("Khatlon", "Бохтар")


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("донорҳо", "донор"),
        ("донорҳои", "донор"),
        ("донорҳоро", "донор"),
        ("ташкилотҳои", "ташкилот"),
        ("сохторҳои", "сохтор"),
        ("шарикон", "шарик"),
        ("олимони", "олим"),
        ("ҷавонон", "чавон"),
        ("лоиҳаамон", "лоиха"),
        ("китобат", "китоб"),
        ("донор", "донор"),
        ("он", "он"),  # never shorter than three letters
    ],
)
def test_the_tajik_suffix_rule_on_words_from_our_content(word, stem):
    assert tajik_stem(fold(word)) == stem


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        ("Таджикистан", "Таджикистане", "ru"),
        ("донор", "доноры", "ru"),
        ("консультация", "консультациях", "ru"),
        ("donor", "donors", "en"),
        ("policy", "policies", "en"),
    ],
)
def test_russian_and_english_word_forms_meet(first, second, language):
    assert meet(first, second, language)


def test_edit_distance_counts_a_swap_once_and_stops_early():
    assert edit_distance("мактаб", "мактап") == 1
    assert edit_distance("худжанде", "худжнаде") == 1
    assert edit_distance("донор", "донор") == 0
    assert edit_distance("ҳокимият", "вазорат", limit=2) == 3
