export default definePageConfig({ navigationBarTitleText: '查询匿名反映' })
