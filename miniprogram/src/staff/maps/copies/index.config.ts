export default definePageConfig({ navigationBarTitleText: '业务科室抄送' })
