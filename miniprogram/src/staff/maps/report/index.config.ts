export default definePageConfig({ navigationBarTitleText: '季度分析报告' })
