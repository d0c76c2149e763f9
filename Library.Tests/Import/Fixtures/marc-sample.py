#!/usr/bin/env python3
"""Writes marc-sample.mrc: an ISO 2709 writer of its own (from the MARC 21 record structure description, not the app's reader) and four hand-written records.
marc-sample.xml is `yaz-marcdump -i marc -o marcxml marc-sample.mrc` (Debian package yaz, an independent MARC toolkit) with an XML declaration.
Run from this folder: python3 marc-sample.py"""
import sys
FT, RT, SD = b'\x1e', b'\x1d', b'\x1f'
def field(tag, spec):
    if tag.startswith('00'):
        return spec.encode('utf-8') + FT
    ind, subs = spec
    return ind.encode() + b''.join(SD + c.encode() + v.encode('utf-8') for c, v in subs) + FT
def record(fields, leader9='a'):
    data = b''; directory = b''
    for tag, spec in fields:
        f = field(tag, spec)
        directory += tag.encode() + b'%04d' % len(f) + b'%05d' % len(data)
        data += f
    directory += FT
    base = 24 + len(directory)
    length = base + len(data) + 1
    leader = b'%05d' % length + b'nam ' + leader9.encode() + b'22' + b'%05d' % base + b' i ' + b'4500'
    assert len(leader) == 24, leader
    return leader + directory + data + RT
def f008(date1, lang):
    s = '190315s' + date1 + '    ulk' + ' ' * 17 + lang + ' ' + 'c'
    assert len(s) == 40, len(s)
    return s
vegetarian = [
    ('001', 'KMO201900001'),
    ('008', f008('2007', 'kor')),
    ('020', ('  ', [('a', '9788936433598'), ('g', '03810'), ('c', '₩12000')])),
    ('100', ('1 ', [('a', '한강,')])),
    ('245', ('10', [('a', '채식주의자 :'), ('b', '한강 장편소설 /'), ('d', '한강 지음')])),
    ('264', (' 1', [('a', '파주 :'), ('b', '창비,'), ('c', '2007.')])),
    ('520', ('  ', [('a', '평범한 여자 영혜가 육식을 거부하며 벌어지는 이야기.')])),
    ('952', ('  ', [('a', '본관'), ('p', 'KOR-0001')])),
    ('952', ('  ', [('a', '본관'), ('p', 'KOR-0002')])),
]
hobbit = [
    ('001', 'ocm00012345'),
    ('008', f008('1999', 'eng')),
    ('020', ('  ', [('a', '9780261103344 (pbk.)'), ('c', '£6.99')])),
    ('100', ('1 ', [('a', 'Tolkien, J. R. R.,'), ('e', 'author.')])),
    ('245', ('14', [('a', 'The hobbit, or, There and back again /'), ('c', 'J.R.R. Tolkien.')])),
    ('260', ('  ', [('a', 'London :'), ('b', 'HarperCollins,'), ('c', 'c1999.')])),
    ('852', ('0 ', [('a', 'Main library'), ('h', '823.912')])),
]
nocode = [
    ('001', 'KMO201900003'),
    ('008', f008('1985', 'kor')),
    ('245', ('00', [('a', '한국의 옛 지도.')])),
    ('700', ('1 ', [('a', '김정호,'), ('e', '편')])),
]
corporate = [
    ('001', 'ocm00099999'),
    ('008', f008('2020', 'eng')),
    ('020', ('  ', [('a', '9780000000001 (hardcover)')])),
    ('020', ('  ', [('a', '978-89-6090-511-5 : ₩15000')])),
    ('110', ('2 ', [('a', 'National Library of Korea.')])),
    ('245', ('10', [('a', 'Annual report'), ('b', 'library statistics ;'), ('n', '2020.')])),
    ('264', (' 1', [('a', 'Seoul :'), ('b', 'National Library of Korea,'), ('c', '[2021]')])),
    ('264', (' 4', [('c', '©2020')])),
    ('520', ('  ', [('a', 'Statistics of Korean public libraries, "visitors, loans" and =formulas.')])),
    ('952', ('  ', [('p', 'NLK-1')])),
    ('952', ('  ', [('p', 'NLK-2')])),
    ('952', ('  ', [('p', 'NLK-3')])),
]

open('marc-sample.mrc', 'wb').write(b''.join(record(r) for r in [vegetarian, hobbit, nocode, corporate]))
