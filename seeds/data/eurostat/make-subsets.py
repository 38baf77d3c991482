# Rebuilds the CSG subsets of this folder from the full Eurostat files (see README.md).
# Usage: python3 make-subsets.py <folder with the full files>

import csv, io, os, sys
SRC=sys.argv[1].rstrip('/') + '/'
OUT=os.path.dirname(os.path.abspath(__file__)) + '/'
CITIES={'FI005C','PT003C','SK002C','EE001C','ES003C','DE081C'}
# 1. urb_percep: unmodified lines of the CSG cities
with open(SRC+'urb_percep.tsv', newline='') as f, open(OUT+'urb_percep_csg.tsv','w', newline='') as o:
    lines=f.read().split('\n')
    o.write(lines[0]+'\n'); n=0
    for l in lines[1:]:
        if l and l.split('\t')[0].split(',')[2] in CITIES: o.write(l+'\n'); n+=1
    print('percep', n)
# 2. urb_ctran SDMX: unmodified lines of the CSG cities + long-file rows for TT1060I, TT1007V
src=open(SRC+'urb_ctran_sdmx.csv', newline='').read().split('\n')
hdr=src[0]
rows=[l for l in src[1:] if l and next(csv.reader([l]))[7] in CITIES]
NAMES={'Espoo/Esbo':('FI005C','Espoo'),'Tallinn':('EE001C','Tallinn'),'Mannheim':('DE081C','Mannheim'),'Braga':('PT003C','Braga'),'Košice':('SK002C','Košice'),'Valencia':('ES003C','Valencia')}
LONG={'People killed in road accidents per 10000 pop.':'TT1060I','Share of journeys to work by bicycle -%':'TT1007V'}
FLAGS={'e':'estimated','b':'break in series','u':'low reliability','p':'provisional','d':'definition differs (see metadata)','c':'confidential'}
added=0
out=io.StringIO(); w=csv.writer(out, lineterminator='\n')
for r in csv.DictReader(open(SRC+'urb_ctran_long.csv', newline='')):
    if r['indicator'] in LONG and r['city_label'] in NAMES:
        code,name=NAMES[r['city_label']]
        f=r['flag']
        w.writerow(['dataflow','ESTAT:URB_CTRAN(1.0)','Transport - cities and greater cities','A','Annual',LONG[r['indicator']],r['indicator'],code,name,r['year'],'',r['value'],'',f,FLAGS.get(f,''),'',''])
        added+=1
with open(OUT+'urb_ctran_csg.csv','w', newline='') as o:
    o.write(hdr+'\n'); o.write('\n'.join(rows)+'\n'); o.write(out.getvalue())
print('ctran', len(rows), added)
# 3. urb_cenv wide -> bulk TSV
years=None; n=0
with open(SRC+'urb_cenv_selected.csv', newline='') as f, open(OUT+'urb_cenv_csg.tsv','w', newline='') as o:
    rd=csv.reader(f); h=next(rd); years=h[2:]
    o.write('indic_ur,cities\\time\t'+'\t'.join(y+' ' for y in years)+'\n')
    for r in rd:
        if r[1] in CITIES and r[0] in ('EN3012V','EN3013V','EN5205V'):
            o.write(f'{r[0]},{r[1]}\t'+'\t'.join((v if v!='' else ':')+' ' for v in r[2:])+'\n'); n+=1
print('cenv', n)
