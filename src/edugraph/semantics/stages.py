"""Education stages a piece of text is explicitly about, from a lexicon.

Overlapping matches are resolved longest first, so 中小学 (basic) wins over its 小学 and over the
高中 of 提高中小学. Words inside cited titles 《…》 do not count.
"""

# term → stages
STAGE_TERMS = {
    "大中小幼": ("higher", "basic", "preschool"),
    "大中小学": ("higher", "basic"),
    "中小学幼儿园": ("basic", "preschool"),
    "中小幼": ("basic", "preschool"),
    "中小学": ("basic",), "中小学生": ("basic",), "中小学校": ("basic",), "基础教育": ("basic",),
    "学前教育": ("preschool",), "学前": ("preschool",), "幼儿园": ("preschool",), "幼儿": ("preschool",),
    "托幼": ("preschool",), "幼教": ("preschool",), "入园": ("preschool",), "普惠园": ("preschool",),
    "公办园": ("preschool",), "民办园": ("preschool",), "配套园": ("preschool",), "实验园": ("preschool",),
    "示范园": ("preschool",), "幼小衔接": ("preschool", "primary"), "幼小科学衔接": ("preschool", "primary"),
    "义务教育": ("compulsory",),
    "小学": ("primary",), "小学生": ("primary",),
    "初中": ("junior-secondary",), "初级中学": ("junior-secondary",), "中考": ("junior-secondary",),
    "初高中": ("junior-secondary", "senior-secondary"),
    "普通高中": ("senior-secondary",), "高中": ("senior-secondary",), "普高": ("senior-secondary",),
    "职业教育": ("vocational",), "职业院校": ("vocational",), "职业学校": ("vocational",),
    "中等职业学校": ("vocational",), "中职": ("vocational",), "高职": ("vocational",), "职教": ("vocational",),
    "技工院校": ("vocational",), "技工学校": ("vocational",), "职普融通": ("vocational",),
    "特殊教育": ("special",), "特教": ("special",), "残疾儿童": ("special",), "残疾学生": ("special",),
    "随班就读": ("special",), "送教上门": ("special",), "融合教育": ("special",), "残疾儿童少年": ("special",),
    "高等学校": ("higher",), "高等院校": ("higher",), "高校": ("higher",), "高等教育": ("higher",),
    "本科": ("higher",), "大学": ("higher",), "大学生": ("higher",), "研究生": ("higher",),
}
# Words that contain a stage term but are about something else; they block the terms inside them.
FALSE_FRIENDS = ("小学化", "专职教", "兼职教", "入职教", "任职教", "在职教", "离职教", "供职教")
def _all_matches(text, start, end):
    """Every (start, end, word) occurrence of every term, overlapping ones included."""
    found = []
    for word in list(STAGE_TERMS) + list(FALSE_FRIENDS):
        index = text.find(word, start, end)
        while index >= 0:
            found.append((index, index + len(word), word))
            index = text.find(word, index + 1, end)
    return found


def find_stages(text, start, end, skip):
    """[(start, end, stage)] for every stage word in text[start:end] outside the `skip` ranges."""
    chosen = []
    for a, b, word in sorted(_all_matches(text, start, end), key=lambda m: (m[0] - m[1], m[0])):
        if any(a < y and x < b for x, y, _ in chosen):
            continue
        if any(x <= a <= (y if y is not None else end) for x, y in skip):
            continue
        chosen.append((a, b, word))
    return [(a, b, stage) for a, b, word in sorted(chosen) if word in STAGE_TERMS
            for stage in STAGE_TERMS[word]]
